namespace SesamTalk;

/// <summary>
/// An <see cref="ISyncEngine"/> that hands every call to another engine, for engines that change one part of it (as
/// <c>DelegatingHandler</c> does for HTTP): the background sync's engine that runs only an entity's due flows, the
/// dashboard's that runs an operation with the entity's own type. Override what changes; the rest passes through.
/// </summary>
public abstract class DelegatingSyncEngine : ISyncEngine
{
    /// <summary>Creates the engine over <paramref name="inner"/>.</summary>
    /// <param name="inner">The engine every call not overridden goes to.</param>
    protected DelegatingSyncEngine(ISyncEngine inner) => Inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>The engine every call not overridden goes to.</summary>
    protected ISyncEngine Inner { get; }

    /// <inheritdoc />
    public virtual Task<SyncReport> SyncAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        where TEntity : class => Inner.SyncAsync(entity, progress, cancellationToken);

    /// <inheritdoc />
    public virtual Task<SyncPlan> PlanAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class => Inner.PlanAsync(entity, cancellationToken);

    /// <inheritdoc />
    public virtual Task<SyncReport> SyncFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        where TEntity : class => Inner.SyncFlowAsync(entity, target, progress, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<SyncLink>> GetLinksAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, CancellationToken cancellationToken)
        where TEntity : class => Inner.GetLinksAsync(entity, id, cancellationToken);

    /// <inheritdoc />
    public virtual Task<SyncLink> LinkAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, SyncTarget target, string remoteId, CancellationToken cancellationToken)
        where TEntity : class => Inner.LinkAsync(entity, id, target, remoteId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<bool> UnlinkAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, SyncTarget target, CancellationToken cancellationToken)
        where TEntity : class => Inner.UnlinkAsync(entity, id, target, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<SyncConflict>> GetConflictsAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string? id, CancellationToken cancellationToken)
        where TEntity : class => Inner.GetConflictsAsync(entity, id, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<SyncQuarantineEntry>> GetQuarantineAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class => Inner.GetQuarantineAsync(entity, cancellationToken);

    /// <inheritdoc />
    public virtual Task<int> ReleaseQuarantineAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class => Inner.ReleaseQuarantineAsync(entity, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<SyncHeldFlow>> GetHeldFlowsAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class => Inner.GetHeldFlowsAsync(entity, cancellationToken);

    /// <inheritdoc />
    public virtual Task<bool> ApproveHeldFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, string approvedBy, CancellationToken cancellationToken)
        where TEntity : class => Inner.ApproveHeldFlowAsync(entity, target, approvedBy, cancellationToken);

    /// <inheritdoc />
    public virtual Task NotifyChangedAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        where TEntity : class => Inner.NotifyChangedAsync(entity, ids, cancellationToken);
}
