using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>
/// The <see cref="IHostStore{TEntity}"/> and <see cref="IHostBatchStore{TEntity}"/> of one synced entity a host's
/// context maps: changes since a cursor from the change positions and tombstones the stamping writes, records by their
/// own keys in one query per <see cref="IdsPerQuery"/> ids, saves and deletes with the records' child collections in
/// one <c>SaveChanges</c> per <see cref="BatchSize"/> records. Each page, query and batch uses its own short-lived context.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
/// <typeparam name="TEntity">The synced entity.</typeparam>
internal sealed class EntityFrameworkHostStore<TContext, TEntity> : IHostStore<TEntity>, IHostBatchStore<TEntity>
    where TContext : DbContext
    where TEntity : class
{
    /// <summary>Records a change page holds.</summary>
    internal const int PageSize = 500;

    /// <summary>
    /// Ids one query looks up. EF Core 10 sends the ids of a <c>Contains</c> as one parameter each (Npgsql as one
    /// array): 500 stays under every provider's limit (SQL Server's 2,100 parameters, SQLite's 999 in older builds).
    /// </summary>
    internal const int IdsPerQuery = 500;

    /// <summary>Records one <c>SaveChanges</c> (one transaction) saves or deletes.</summary>
    internal const int BatchSize = 500;

    private readonly ContextSource<TContext> _contexts;
    private readonly IReadOnlySet<Type> _childTypes;
    private StoreShape? _shape;

    /// <summary>Creates the store.</summary>
    public EntityFrameworkHostStore(ContextSource<TContext> contexts, ISyncModel model)
    {
        _contexts = contexts;
        _childTypes = SyncModelShape.ChildTypes(model);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<HostChange<TEntity>> GetChangesAsync(HostCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var feed = new ChangeFeed<TContext, TEntity>(_contexts, await ShapeAsync().ConfigureAwait(false), PageSize);
        await foreach (var change in feed.ReadAsync(after, cancellationToken).ConfigureAwait(false))
        {
            yield return change;
        }
    }

    /// <inheritdoc />
    public async Task<TEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        // The one record found, whichever spelling of its key the id is (a Guid in capitals).
        return (await GetManyAsync([id], cancellationToken).ConfigureAwait(false)).Values.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, TEntity>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var shape = await ShapeAsync().ConfigureAwait(false);
        var found = new Dictionary<string, TEntity>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            var lease = _contexts.Open();
            await using (lease.ConfigureAwait(false))
            {
                var context = lease.Context;
                foreach (var entity in await shape.Query<TEntity>(context).AsNoTracking().Where(shape.Key.In<TEntity>(chunk)).ToListAsync(cancellationToken).ConfigureAwait(false))
                {
                    found[KeyOf(context, shape, entity)] = entity;
                }
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<string> SaveAsync(TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return (await SaveManyAsync([entity], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> SaveManyAsync(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var shape = await ShapeAsync().ConfigureAwait(false);
        var ids = new List<string>(entities.Count);
        foreach (var batch in entities.Chunk(BatchSize))
        {
            ids.AddRange(await SaveBatchAsync(shape, batch, cancellationToken).ConfigureAwait(false));
        }

        return ids;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await DeleteManyAsync([id], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var shape = await ShapeAsync().ConfigureAwait(false);
        foreach (var batch in ids.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            var lease = _contexts.Open();
            await using (lease.ConfigureAwait(false))
            {
                var context = lease.Context;
                var existing = await shape.Query<TEntity>(context).Where(shape.Key.In<TEntity>(batch)).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (existing.Count > 0)
                {
                    context.RemoveRange(existing);
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>One batch: the existing records loaded in one query, then one <c>SaveChanges</c> for all of them.</summary>
    private async Task<string[]> SaveBatchAsync(StoreShape shape, TEntity[] batch, CancellationToken cancellationToken)
    {
        var lease = _contexts.Open();
        await using (lease.ConfigureAwait(false))
        {
            var context = lease.Context;
            var keys = batch.Select(entity => shape.Key.IsUnset(KeyValue(context, shape, entity)) ? null : KeyOf(context, shape, entity)).ToArray();
            var known = keys.OfType<string>().ToList();
            var existing = known.Count == 0
                ? []
                : (await shape.Query<TEntity>(context).Where(shape.Key.In<TEntity>(known)).ToListAsync(cancellationToken).ConfigureAwait(false))
                    .ToDictionary(entity => KeyOf(context, shape, entity), StringComparer.Ordinal);
            var saved = new TEntity[batch.Length];
            for (var i = 0; i < batch.Length; i++)
            {
                if (keys[i] is { } key && existing.TryGetValue(key, out var tracked))
                {
                    GraphCopy.Copy(context, tracked, batch[i], shape.Children);
                    saved[i] = tracked;
                }
                else
                {
                    Add(context, shape, batch[i]);
                    saved[i] = batch[i];
                }
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return Array.ConvertAll(saved, entity => KeyOf(context, shape, entity));
        }
    }

    private static void Add(TContext context, StoreShape shape, TEntity entity)
    {
        var added = context.Add(entity).Property(shape.Key.Name);
        if (shape.Key.IsUnset(added.CurrentValue) && !added.IsTemporary)
        {
            throw new InvalidOperationException(
                $"A new {typeof(TEntity).Name} has no key and nothing generates one: give {shape.Key.Name} a value when the entity is created (its constructor, or a Guid string), or use a key the database or EF Core generates (int, long, Guid).");
        }
    }

    /// <summary>The entity's key value as it stands on the object (tracked or not).</summary>
    private static object? KeyValue(TContext context, StoreShape shape, TEntity entity) =>
        context.Model.FindEntityType(typeof(TEntity))!.FindProperty(shape.Key.Name)!.GetGetter().GetClrValue(entity);

    /// <summary>The entity's key in its invariant text form (a generated key is on the entity once it is saved).</summary>
    private static string KeyOf(TContext context, StoreShape shape, TEntity entity) => EntityKey.Text(KeyValue(context, shape, entity));

    /// <summary>The entity's shape, read from the context's model on first use.</summary>
    private async Task<StoreShape> ShapeAsync()
    {
        if (_shape is { } shape)
        {
            return shape;
        }

        var lease = _contexts.Open();
        await using (lease.ConfigureAwait(false))
        {
            return _shape = StoreShape.Of<TEntity>(lease.Context, _childTypes);
        }
    }
}
