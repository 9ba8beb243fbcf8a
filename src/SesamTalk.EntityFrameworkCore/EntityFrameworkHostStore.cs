using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>
/// The <see cref="IHostStore{TEntity}"/> of one synced entity a host's context maps: changes since a cursor from the
/// change positions and tombstones the stamping writes, the record by its own key, saves and deletes with the record's
/// child collections in one <c>SaveChanges</c>. Each operation uses its own short-lived context.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
/// <typeparam name="TEntity">The synced entity.</typeparam>
internal sealed class EntityFrameworkHostStore<TContext, TEntity> : IHostStore<TEntity>
    where TContext : DbContext
    where TEntity : class
{
    /// <summary>Records a change page holds.</summary>
    internal const int PageSize = 500;

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
        var shape = await ShapeAsync().ConfigureAwait(false);
        var lease = _contexts.Open();
        await using (lease.ConfigureAwait(false))
        {
            return await shape.Query<TEntity>(lease.Context).AsNoTracking().SingleOrDefaultAsync(shape.Key.EqualTo<TEntity>(shape.Key.Parse(id)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<string> SaveAsync(TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var shape = await ShapeAsync().ConfigureAwait(false);
        var lease = _contexts.Open();
        await using (lease.ConfigureAwait(false))
        {
            var context = lease.Context;
            var key = context.Model.FindEntityType(typeof(TEntity))!.FindPrimaryKey()!.Properties[0].GetGetter().GetClrValue(entity);
            var existing = shape.Key.IsUnset(key)
                ? null
                : await shape.Query<TEntity>(context).SingleOrDefaultAsync(shape.Key.EqualTo<TEntity>(key!), cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                var added = context.Add(entity).Property(shape.Key.Name);
                if (shape.Key.IsUnset(added.CurrentValue) && !added.IsTemporary)
                {
                    throw new InvalidOperationException(
                        $"A new {typeof(TEntity).Name} has no key and nothing generates one: give {shape.Key.Name} a value when the entity is created (its constructor, or a Guid string), or use a key the database or EF Core generates (int, long, Guid).");
                }
            }
            else
            {
                GraphCopy.Copy(context, existing, entity, shape.Children);
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return EntityKey.Text(context.Entry(existing ?? entity).Property(shape.Key.Name).CurrentValue);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var shape = await ShapeAsync().ConfigureAwait(false);
        var lease = _contexts.Open();
        await using (lease.ConfigureAwait(false))
        {
            var context = lease.Context;
            if (await shape.Query<TEntity>(context).SingleOrDefaultAsync(shape.Key.EqualTo<TEntity>(shape.Key.Parse(id)), cancellationToken).ConfigureAwait(false) is { } entity)
            {
                context.Remove(entity);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

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
