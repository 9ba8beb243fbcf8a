using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>
/// The changes of one synced entity after a cursor: its rows by (position, key) merged with its tombstones by position,
/// each side read in keyset pages through the (position, key) index, one short-lived context a page.
/// </summary>
/// <remarks>
/// Positions the clock hands out are unique across rows and tombstones, so the merge never meets a tie. Rows that
/// were there before sync was added share position 0 and are ordered by key.
/// </remarks>
internal sealed class ChangeFeed<TContext, TEntity>(ContextSource<TContext> contexts, StoreShape shape, int pageSize)
    where TContext : DbContext
    where TEntity : class
{
    /// <summary>Streams the changes after <paramref name="after"/> in position order.</summary>
    public async IAsyncEnumerable<HostChange<TEntity>> ReadAsync(HostCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = RowsAsync(after, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (rows.ConfigureAwait(false))
        {
            var deletes = TombstonesAsync(after, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (deletes.ConfigureAwait(false))
            {
                var hasRow = await rows.MoveNextAsync().ConfigureAwait(false);
                var hasDelete = await deletes.MoveNextAsync().ConfigureAwait(false);
                while (hasRow || hasDelete)
                {
                    if (hasRow && (!hasDelete || rows.Current.Position.ModifiedAt < deletes.Current.Position.ModifiedAt))
                    {
                        yield return rows.Current;
                        hasRow = await rows.MoveNextAsync().ConfigureAwait(false);
                    }
                    else
                    {
                        yield return deletes.Current;
                        hasDelete = await deletes.MoveNextAsync().ConfigureAwait(false);
                    }
                }
            }
        }
    }

    private async IAsyncEnumerable<HostChange<TEntity>> RowsAsync(HostCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = after;
        while (true)
        {
            var page = await RowPageAsync(position, cancellationToken).ConfigureAwait(false);
            foreach (var change in page)
            {
                yield return change;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            position = page[^1].Position;
        }
    }

    /// <summary>The query of the page of rows after <paramref name="after"/>: keyset on (position, key), through the index.</summary>
    internal IQueryable<TEntity> RowPage(TContext context, HostCursor? after)
    {
        var query = shape.Query<TEntity>(context);
        if (after is { } cursor)
        {
            query = query.Where(shape.Key.After<TEntity>(cursor.ModifiedAt.UtcTicks, cursor.Id));
        }

        return query
            .OrderBy(entity => EF.Property<long>(entity, SesamTalkSchema.StampProperty))
            .ThenBy(entity => EF.Property<object>(entity, shape.Key.Name))
            .Take(pageSize);
    }

    /// <summary>The query of the page of the entity's tombstones after position <paramref name="stamp"/>.</summary>
    internal IQueryable<Tombstone> TombstonePage(TContext context, long stamp) =>
        context.Set<Tombstone>()
            .AsNoTracking()
            .Where(tombstone => tombstone.Entity == shape.Name && tombstone.Stamp > stamp)
            .OrderBy(tombstone => tombstone.Stamp)
            .Take(pageSize);

    private async Task<List<HostChange<TEntity>>> RowPageAsync(HostCursor? after, CancellationToken cancellationToken)
    {
        var lease = contexts.Open();
        await using (lease.ConfigureAwait(false))
        {
            // Tracked inside the page's own context, so the stamp (a shadow property) can be read; the context goes with the page.
            var entities = await RowPage(lease.Context, after).ToListAsync(cancellationToken).ConfigureAwait(false);
            return entities.ConvertAll(entity => Change(lease.Context, entity));
        }
    }

    private HostChange<TEntity> Change(TContext context, TEntity entity)
    {
        var entry = context.Entry(entity);
        var stamp = (long)entry.Property(SesamTalkSchema.StampProperty).CurrentValue!;
        return new HostChange<TEntity>(Position(stamp, EntityKey.Text(entry.Property(shape.Key.Name).CurrentValue)), entity);
    }

    private async IAsyncEnumerable<HostChange<TEntity>> TombstonesAsync(HostCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stamp = after?.ModifiedAt.UtcTicks ?? long.MinValue;
        while (true)
        {
            List<Tombstone> page;
            var lease = contexts.Open();
            await using (lease.ConfigureAwait(false))
            {
                page = await TombstonePage(lease.Context, stamp).ToListAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var tombstone in page)
            {
                yield return new HostChange<TEntity>(Position(tombstone.Stamp, tombstone.Id), entity: null);
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            stamp = page[^1].Stamp;
        }
    }

    private static HostCursor Position(long stamp, string id) => new(new DateTimeOffset(stamp, TimeSpan.Zero), id);
}
