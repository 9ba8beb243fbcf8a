namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// The sync engine's memory: links with provenance, fingerprints, cursors, pending-create intents, conflicts,
/// quarantined records, flow leases and flows held by the mass-change breaker. Everything the engine writes during a cycle goes through
/// <see cref="BeginCommitAsync"/>, so a page's links, fingerprints and cursor are committed together or not at all.
/// </summary>
public interface ILinkStore
{
    /// <summary>Starts a unit of work. Nothing is written until <see cref="ILinkStoreCommit.CommitAsync"/>; disposing without it discards everything.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ILinkStoreCommit> BeginCommitAsync(CancellationToken cancellationToken = default);

    /// <summary>Who the host record is linked to, in every flow of its entity, and why.</summary>
    /// <param name="entity">The host entity's name.</param>
    /// <param name="localId">The host record's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<SyncLink>> GetLinksAsync(string entity, string localId, CancellationToken cancellationToken = default);

    /// <summary>The link of a host record in one flow, with its fingerprints, or <see langword="null"/>.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="localId">The host record's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<StoredLink?> FindByLocalIdAsync(SyncFlowId flow, string localId, CancellationToken cancellationToken = default);

    /// <summary>The link of a remote record in one flow, with its fingerprints, or <see langword="null"/>.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="remoteId">The remote record's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<StoredLink?> FindByRemoteIdAsync(SyncFlowId flow, string remoteId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The links of many records of one side of a flow in one query (a page's worth), by that side's id; an id without a
    /// link is not in the answer.
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="side">The side the ids are of.</param>
    /// <param name="ids">The records' ids.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyDictionary<string, StoredLink>> FindLinksAsync(SyncFlowId flow, SyncSide side, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>How many links a flow has (the mass-change breaker's base and the cycle report's count), without reading them.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<int> CountLinksAsync(SyncFlowId flow, CancellationToken cancellationToken = default);

    /// <summary>Every link of a flow, by host id, streamed.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    IAsyncEnumerable<StoredLink> ReadLinksAsync(SyncFlowId flow, CancellationToken cancellationToken = default);

    /// <summary>Links two records by hand. Fails with <see cref="SyncLinkConflictException"/> when either is linked to another record.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="localId">The host record's id.</param>
    /// <param name="remoteId">The remote record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<SyncLink> LinkByHandAsync(SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken = default);

    /// <summary>Links two records by hand, first removing any link either of them has in the flow (and its fingerprints).</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="localId">The host record's id.</param>
    /// <param name="remoteId">The remote record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<SyncLink> RelinkByHandAsync(SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken = default);

    /// <summary>Removes the link of a host record in one flow, with its fingerprints. Returns whether there was one.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="localId">The host record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> UnlinkAsync(SyncFlowId flow, string localId, CancellationToken cancellationToken = default);

    /// <summary>The committed cursor of one side of a flow, or <see langword="null"/> before the first commit.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="side">The side whose changes the cursor reads.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<string?> GetCursorAsync(SyncFlowId flow, SyncSide side, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the intents to create the counterparts of source records, durably and in one transaction, before the
    /// creates are sent. Where an open intent for a source record exists, returns that one (same idempotency key)
    /// instead of a second. The intents come back in the order of <paramref name="sourceIds"/>.
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="sourceSide">The side the source records live on.</param>
    /// <param name="sourceIds">The source records' ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<PendingCreate>> RecordIntentsAsync(SyncFlowId flow, SyncSide sourceSide, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken = default);

    /// <summary>The intents of a flow that were never completed (a crash or lost response); resolve each before creating again.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<PendingCreate>> ListOpenIntentsAsync(SyncFlowId flow, CancellationToken cancellationToken = default);

    /// <summary>The conflicts recorded for a flow, oldest first; only one host record's when <paramref name="localId"/> is given.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="localId">The host record's id, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ConflictRecord>> GetConflictsAsync(SyncFlowId flow, string? localId = null, CancellationToken cancellationToken = default);

    /// <summary>The quarantined records of a flow, held and released, oldest first.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<QuarantinedRecord>> ListQuarantinedAsync(SyncFlowId flow, CancellationToken cancellationToken = default);

    /// <summary>Releases a quarantined record so the next cycle reads it again. Returns whether it was held.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="side">The side the record lives on.</param>
    /// <param name="recordId">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> ReleaseQuarantinedAsync(SyncFlowId flow, SyncSide side, string recordId, CancellationToken cancellationToken = default);

    /// <summary>How many records of a flow are held in quarantine (released ones not counted).</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<int> CountQuarantinedAsync(SyncFlowId flow, CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds the flow after the mass-change breaker stopped a cycle, or, when it is held already, updates the counts and
    /// the reason and keeps when it was first held and any approval. Returns the hold as stored.
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="changes">The deletes and overwrites of linked records the cycle would make.</param>
    /// <param name="links">The flow's links.</param>
    /// <param name="limit">The most the breaker allows.</param>
    /// <param name="reason">The breaker's message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<HeldFlow> HoldFlowAsync(SyncFlowId flow, int changes, int links, int limit, string reason, CancellationToken cancellationToken = default);

    /// <summary>The flow's hold, or <see langword="null"/> when it is not held.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<HeldFlow?> GetHeldFlowAsync(SyncFlowId flow, CancellationToken cancellationToken = default);

    /// <summary>Every held flow, of every entity and system, the longest held first.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<HeldFlow>> ListHeldFlowsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Approves a held flow's change once, recording who and when: its next cycle passes the breaker, and the hold ends
    /// when that cycle runs to the end. Returns the approved hold, or <see langword="null"/> when the flow is not held.
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="approvedBy">Who approves.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<HeldFlow?> ApproveHeldFlowAsync(SyncFlowId flow, string approvedBy, CancellationToken cancellationToken = default);

    /// <summary>Ends the flow's hold, keeping it with its approval as history. Returns whether the flow was held.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="reason">Why the hold ends.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> ReleaseHeldFlowAsync(SyncFlowId flow, HoldReleaseReason reason, CancellationToken cancellationToken = default);

    /// <summary>The flow's ended holds, oldest first: who approved each and when, or why it ended without approval.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ReleasedHold>> GetReleasedHoldsAsync(SyncFlowId flow, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the flow's lease for <paramref name="duration"/> when it is free, expired, or already <paramref name="owner"/>'s,
    /// with the next epoch. Returns the lease, or <see langword="null"/> when another owner holds it.
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="owner">Who runs the flow (unique per process and run).</param>
    /// <param name="duration">How long the lease holds unless renewed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<SyncLease?> TryAcquireLeaseAsync(SyncFlowId flow, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease by <paramref name="duration"/> from now, when <paramref name="owner"/> still holds it.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="owner">The lease's owner.</param>
    /// <param name="duration">How long the lease holds from now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> RenewLeaseAsync(SyncFlowId flow, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up, when <paramref name="owner"/> holds it (the flow keeps its epoch).</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="owner">The lease's owner.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> ReleaseLeaseAsync(SyncFlowId flow, string owner, CancellationToken cancellationToken = default);

    /// <summary>Who holds the flow's lease now, or null when it is free or has expired.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<string?> GetLeaseOwnerAsync(SyncFlowId flow, CancellationToken cancellationToken = default);

    /// <summary>
    /// When the flow's lease was last taken (acquired or taken over), by any owner, whether it is held, released or expired
    /// now; null when it never was. The background sync leaves a flow whose lease another instance took within the
    /// interval to that instance.
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DateTimeOffset?> GetLeaseTakenAtAsync(SyncFlowId flow, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the lease over from <paramref name="formerOwner"/> (a process known to be gone), only if that owner still
    /// holds it, with the next epoch: commits fenced with the former owner's lease are refused from then on. Returns the new
    /// lease, or <see langword="null"/> when <paramref name="formerOwner"/> no longer held it.
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="formerOwner">The holder to replace.</param>
    /// <param name="owner">The new holder.</param>
    /// <param name="duration">How long the lease lasts.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    Task<SyncLease?> TakeOverLeaseAsync(SyncFlowId flow, string formerOwner, string owner, TimeSpan duration, CancellationToken cancellationToken = default);
}
