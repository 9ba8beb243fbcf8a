namespace SesamTalk;

/// <summary>
/// Runs the flows of one entity: the contract the generated <c>TalkClient</c> calls. The engine in
/// <c>SesamTalk.Connectors</c> implements it; tests may supply their own.
/// </summary>
public interface ISyncEngine
{
    /// <summary>Runs one cycle of every flow of the entity: reads both sides' changes, writes, and commits links and cursors.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the cycle at the next checkpoint.</param>
    Task<SyncReport> SyncAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>Works out what a cycle would write, and writes nothing.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="cancellationToken">Cancels the planning.</param>
    Task<SyncPlan> PlanAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>Who the host record <paramref name="id"/> is linked to, and why.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="id">The host record's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<SyncLink>> GetLinksAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, CancellationToken cancellationToken)
        where TEntity : class;
}
