namespace SesamTalk;

/// <summary>Everything generated for one host entity type, without the type: its name and its mappers.</summary>
public interface ISyncEntityDefinition
{
    /// <summary>The entity's name (the class name), unique in the model; links are stored under it.</summary>
    string Name { get; }

    /// <summary>The host entity type.</summary>
    Type EntityType { get; }

    /// <summary>The mappers, one per (system, type) the entity syncs with, in declaration order.</summary>
    IReadOnlyList<IEntityMapper> Mappers { get; }

    /// <summary>Runs one cycle of the entity's flows on <paramref name="engine"/>, for callers that hold no entity type (a scheduler walking the model).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the cycle at the next checkpoint.</param>
    Task<SyncReport> SyncAsync(ISyncEngine engine, IProgress<SyncProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>Everything generated for <typeparamref name="TEntity"/>.</summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public interface ISyncEntityDefinition<TEntity> : ISyncEntityDefinition
{
    /// <summary>The entity's own id (the <see cref="SyncIdAttribute"/> property) in its invariant text form.</summary>
    /// <param name="entity">The entity.</param>
    string GetId(TEntity entity);

    /// <summary>Creates an empty entity for a record born in a remote system.</summary>
    TEntity Create();

    /// <summary>The mapper for <paramref name="target"/>.</summary>
    /// <param name="target">The remote (system, type).</param>
    /// <exception cref="KeyNotFoundException">The entity does not sync with <paramref name="target"/>.</exception>
    IEntityMapper<TEntity> GetMapper(SyncTarget target);
}
