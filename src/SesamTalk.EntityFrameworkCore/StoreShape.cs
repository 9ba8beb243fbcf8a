using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>What the store needs to know of one synced entity in the context's model: its name, key and child collections.</summary>
internal sealed class StoreShape
{
    private StoreShape(string name, EntityKey key, IReadOnlyList<string> children)
    {
        Name = name;
        Key = key;
        Children = children;
    }

    /// <summary>The entity's name in the sync model (tombstones are stored under it).</summary>
    public string Name { get; }

    /// <summary>The entity's key.</summary>
    public EntityKey Key { get; }

    /// <summary>The collection navigations to child entities (order lines) loaded and saved with the entity.</summary>
    public IReadOnlyList<string> Children { get; }

    /// <summary>Reads the shape of <typeparamref name="TEntity"/> from the context's model, checking the context is set up.</summary>
    /// <exception cref="InvalidOperationException">The context does not map the entity, lacks the model additions or the stamping.</exception>
    public static StoreShape Of<TEntity>(DbContext context, IReadOnlySet<Type> childTypes)
    {
        var contextName = context.GetType().Name;
        var entityType = context.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{contextName} does not map {typeof(TEntity).Name}: add it to the context, or register an IHostStore<{typeof(TEntity).Name}> of your own before UseEntityFrameworkCore.");
        var name = SesamTalkSchema.EntityName(entityType)
            ?? throw new InvalidOperationException($"{contextName}'s model has no SesamTalk columns for {typeof(TEntity).Name}: call modelBuilder.AddSesamTalk(SesamTalkModel.Instance) at the end of OnModelCreating and add a migration.");
        if (!DbContextOptionsBuilderExtensions.IsStamping(context.GetService<IDbContextOptions>()))
        {
            throw new InvalidOperationException($"{contextName} does not stamp changes: register it before UseEntityFrameworkCore<{contextName}>(), or call options.UseSesamTalk() where it is configured.");
        }

        var children = entityType.GetNavigations()
            .Where(navigation => navigation.IsCollection && childTypes.Contains(navigation.TargetEntityType.ClrType))
            .Select(navigation => navigation.Name)
            .ToList();
        return new StoreShape(name, EntityKey.Of(entityType), children);
    }

    /// <summary>The entity's set with its child collections included.</summary>
    public IQueryable<TEntity> Query<TEntity>(DbContext context)
        where TEntity : class =>
        Children.Aggregate(context.Set<TEntity>().AsQueryable(), (query, child) => query.Include(child));
}
