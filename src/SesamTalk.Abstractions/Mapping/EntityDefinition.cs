namespace SesamTalk;

/// <summary>
/// The base of every generated entity definition: it holds the name and the mappers, so the generated class
/// carries only the id accessor and the factory.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public abstract class EntityDefinition<TEntity> : ISyncEntityDefinition<TEntity>
    where TEntity : class
{
    private readonly IEntityMapper<TEntity>[] _mappers;

    /// <summary>Creates the definition (generated code calls this).</summary>
    /// <param name="name">The entity's name.</param>
    /// <param name="mappers">One mapper per (system, type), in declaration order.</param>
    protected EntityDefinition(string name, params IEntityMapper<TEntity>[] mappers)
    {
        Name = name;
        _mappers = mappers;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Type EntityType => typeof(TEntity);

    /// <inheritdoc />
    public IReadOnlyList<IEntityMapper> Mappers => _mappers;

    /// <inheritdoc />
    public abstract string GetId(TEntity entity);

    /// <inheritdoc />
    public abstract TEntity Create();

    /// <inheritdoc />
    public IEntityMapper<TEntity> GetMapper(SyncTarget target)
    {
        foreach (var mapper in _mappers)
        {
            if (mapper.Target == target)
            {
                return mapper;
            }
        }

        throw new KeyNotFoundException($"{Name} does not sync with {target}.");
    }

    /// <inheritdoc />
    public Task<SyncReport> SyncAsync(ISyncEngine engine, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        (engine ?? throw new ArgumentNullException(nameof(engine))).SyncAsync(this, progress, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Name;
}
