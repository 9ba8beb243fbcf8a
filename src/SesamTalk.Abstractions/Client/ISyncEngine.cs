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

    /// <summary>Runs one cycle of one flow of the entity: the one with <paramref name="target"/>.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="target">The remote (system, type) of the flow.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the cycle at the next checkpoint.</param>
    Task<SyncReport> SyncFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>Who the host record <paramref name="id"/> is linked to, and why.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="id">The host record's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<SyncLink>> GetLinksAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>Links a host record to a remote record by hand (replacing any link either has in the flow); the next cycle brings them in line.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="id">The host record's id.</param>
    /// <param name="target">The remote (system, type).</param>
    /// <param name="remoteId">The remote record's id.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    Task<SyncLink> LinkAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, SyncTarget target, string remoteId, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>Removes the link of a host record in one flow. Returns whether there was one.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="id">The host record's id.</param>
    /// <param name="target">The remote (system, type).</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    Task<bool> UnlinkAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, SyncTarget target, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>The conflicts recorded for the entity's flows, for one host record or all.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="id">The host record's id, or null for every record.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<SyncConflict>> GetConflictsAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string? id, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>The records of the entity's flows that are quarantined, with their errors.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<SyncQuarantineEntry>> GetQuarantineAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>Releases every quarantined record of the entity's flows, so the next cycle reads each again from its side.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>How many records were released.</returns>
    Task<int> ReleaseQuarantineAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>The entity's flows the mass-change breaker holds, each with its counts and the plan of what releasing it would write.</summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="cancellationToken">Cancels the query and the planning.</param>
    Task<IReadOnlyList<SyncHeldFlow>> GetHeldFlowsAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>
    /// Approves a held flow's change once, recording who and when: the flow's next cycle passes the mass-change breaker,
    /// and the hold ends when that cycle ran to the end. Returns whether the flow was held.
    /// </summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="target">The remote (system, type) of the flow.</param>
    /// <param name="approvedBy">Who approves (a name or an account; kept with the approval).</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    Task<bool> ApproveHeldFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, string approvedBy, CancellationToken cancellationToken)
        where TEntity : class;

    /// <summary>
    /// Tells the engine the host saved records of the entity, so its flows run a cycle within seconds instead of at their
    /// next poll (with change notifications on; otherwise nothing happens). A hint, never data: the cycle reads the
    /// host's changes as a polled one does. The EF Core host store notifies by itself after each save.
    /// </summary>
    /// <typeparam name="TEntity">The host entity type.</typeparam>
    /// <param name="entity">The generated definition of the entity.</param>
    /// <param name="ids">The saved records' ids; empty when unknown.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    Task NotifyChangedAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        where TEntity : class;
}
