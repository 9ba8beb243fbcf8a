namespace SesamTalk;

/// <summary>The typed client of one entity: a member of the generated <c>TalkClient</c> per entity, e.g. <c>talk.Products</c>.</summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public sealed class EntitySyncClient<TEntity>
    where TEntity : class
{
    private readonly ISyncEngine _engine;

    /// <summary>Creates the client (the generated <c>TalkClient</c> does this).</summary>
    /// <param name="engine">The engine that runs the flows.</param>
    /// <param name="definition">The generated definition of <typeparamref name="TEntity"/>.</param>
    public EntitySyncClient(ISyncEngine engine, ISyncEntityDefinition<TEntity> definition)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
    }

    /// <summary>The generated definition: name, mappers, id accessor.</summary>
    public ISyncEntityDefinition<TEntity> Definition { get; }

    /// <summary>Runs one cycle of every flow of the entity.</summary>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the cycle at the next checkpoint.</param>
    public Task<SyncReport> SyncAsync(IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _engine.SyncAsync(Definition, progress, cancellationToken);

    /// <summary>A dry run: what a cycle would write. Nothing is written.</summary>
    /// <param name="cancellationToken">Cancels the planning.</param>
    public Task<SyncPlan> PlanAsync(CancellationToken cancellationToken = default) =>
        _engine.PlanAsync(Definition, cancellationToken);

    /// <summary>Runs one cycle of one flow: the entity with <paramref name="target"/>, e.g. <c>new SyncTarget("Salesforce", "Product2")</c>.</summary>
    /// <param name="target">The remote (system, type).</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the cycle at the next checkpoint.</param>
    public Task<SyncReport> SyncAsync(SyncTarget target, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _engine.SyncFlowAsync(Definition, target, progress, cancellationToken);

    /// <summary>Who the host record is linked to, and why.</summary>
    /// <param name="id">The host record's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<SyncLink>> GetLinksAsync(string id, CancellationToken cancellationToken = default) =>
        _engine.GetLinksAsync(Definition, id, cancellationToken);

    /// <summary>Links the host record <paramref name="id"/> to the remote record <paramref name="remoteId"/> by hand; the next cycle brings them in line.</summary>
    /// <param name="id">The host record's id.</param>
    /// <param name="target">The remote (system, type).</param>
    /// <param name="remoteId">The remote record's id.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<SyncLink> LinkAsync(string id, SyncTarget target, string remoteId, CancellationToken cancellationToken = default) =>
        _engine.LinkAsync(Definition, id, target, remoteId, cancellationToken);

    /// <summary>Removes the host record's link in one flow; returns whether there was one.</summary>
    /// <param name="id">The host record's id.</param>
    /// <param name="target">The remote (system, type).</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<bool> UnlinkAsync(string id, SyncTarget target, CancellationToken cancellationToken = default) =>
        _engine.UnlinkAsync(Definition, id, target, cancellationToken);

    /// <summary>The conflicts recorded for one host record, or for all when <paramref name="id"/> is null.</summary>
    /// <param name="id">The host record's id, or null.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<SyncConflict>> GetConflictsAsync(string? id = null, CancellationToken cancellationToken = default) =>
        _engine.GetConflictsAsync(Definition, id, cancellationToken);

    /// <summary>The records set aside with an error, with the error naming record and field.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<SyncQuarantineEntry>> GetQuarantineAsync(CancellationToken cancellationToken = default) =>
        _engine.GetQuarantineAsync(Definition, cancellationToken);

    /// <summary>
    /// The flows of the entity the mass-change breaker holds: since when, the counts and the limit, who approved them if
    /// anyone did, and the plan of what releasing each would write.
    /// </summary>
    /// <param name="cancellationToken">Cancels the query and the planning.</param>
    public Task<IReadOnlyList<SyncHeldFlow>> GetHeldFlowsAsync(CancellationToken cancellationToken = default) =>
        _engine.GetHeldFlowsAsync(Definition, cancellationToken);

    /// <summary>
    /// Approves a held flow's change once ("approve this once"): its next cycle, run by hand or by the background sync,
    /// passes the mass-change breaker, and the hold ends when that cycle ran to the end; who and when are kept in the
    /// link store. To keep the flow held, do not approve it. Returns whether the flow was held.
    /// </summary>
    /// <param name="target">The remote (system, type) of the flow.</param>
    /// <param name="approvedBy">Who approves (a name or an account; kept with the approval).</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<bool> ApproveHeldFlowAsync(SyncTarget target, string approvedBy, CancellationToken cancellationToken = default) =>
        _engine.ApproveHeldFlowAsync(Definition, target, approvedBy, cancellationToken);

    /// <summary>
    /// Tells the engine the host saved record <paramref name="id"/>, so it leaves within seconds instead of at the next
    /// poll (with change notifications on: <c>SesamTalk:Notifications:Enabled</c>). Call it after the save committed.
    /// </summary>
    /// <param name="id">The saved record's id.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    public Task NotifyChangedAsync(string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException($"Pass the id of the saved {Definition.Name}.", nameof(id));
        }

        return _engine.NotifyChangedAsync(Definition, new[] { id }, cancellationToken);
    }

    /// <summary>Tells the engine the host saved the records <paramref name="ids"/> (see <see cref="NotifyChangedAsync(string, CancellationToken)"/>).</summary>
    /// <param name="ids">The saved records' ids.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    public Task NotifyChangedAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default) =>
        _engine.NotifyChangedAsync(Definition, (ids ?? throw new ArgumentNullException(nameof(ids))).ToList(), cancellationToken);

    /// <summary>Retries every quarantined record: releases them and runs a cycle, which reads each again from its side.</summary>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the cycle at the next checkpoint.</param>
    public async Task<SyncReport> RetryQuarantinedAsync(IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await _engine.ReleaseQuarantineAsync(Definition, cancellationToken).ConfigureAwait(false);
        return await _engine.SyncAsync(Definition, progress, cancellationToken).ConfigureAwait(false);
    }
}
