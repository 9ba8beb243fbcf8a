namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// One unit of work against the link store: the links, fingerprints, cursors, completed intents, conflicts and
/// quarantine changes of one page. The calls queue the changes; <see cref="CommitAsync"/> applies them in order in one
/// transaction. A failure, or disposing without committing, leaves the store as it was.
/// </summary>
public interface ILinkStoreCommit : IAsyncDisposable
{
    /// <summary>How many changes are queued.</summary>
    int Count { get; }

    /// <summary>Saves a link. Saving the same pair again changes nothing; a clash fails the commit with <see cref="SyncLinkConflictException"/>.</summary>
    /// <param name="link">The link.</param>
    void SaveLink(SyncLink link);

    /// <summary>Replaces the fingerprints and agreed state of a link (saved earlier or in this commit); a missing link fails the commit.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="localId">The host record's id.</param>
    /// <param name="fingerprints">The fingerprints.</param>
    void SaveFingerprints(SyncFlowId flow, string localId, LinkFingerprints fingerprints);

    /// <summary>Removes the link of a host record in a flow with its fingerprints (a delete the flow's policy applied or ignored); no link is no error.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="localId">The host record's id.</param>
    void RemoveLink(SyncFlowId flow, string localId);

    /// <summary>Sets the cursor of one side of a flow.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="side">The side whose changes the cursor reads.</param>
    /// <param name="cursor">The opaque cursor.</param>
    void SaveCursor(SyncFlowId flow, SyncSide side, string cursor);

    /// <summary>Completes a pending-create intent (with the link saved in this commit); an unknown key fails the commit.</summary>
    /// <param name="idempotencyKey">The intent's key.</param>
    void CompleteIntent(string idempotencyKey);

    /// <summary>Records a resolved conflict.</summary>
    /// <param name="conflict">The conflict.</param>
    void RecordConflict(ConflictRecord conflict);

    /// <summary>
    /// Quarantines a record, or counts another attempt and holds it again when it already is. A record
    /// <paramref name="released"/> at once is listed with its error and read again next cycle by itself (it named a
    /// record that may be linked by then).
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="side">The side the record was read from.</param>
    /// <param name="recordId">The record's id.</param>
    /// <param name="errorMessage">Why it failed.</param>
    /// <param name="payload">The record as read, or <see langword="null"/>.</param>
    /// <param name="released">Whether the next cycle tries it again without waiting for a person.</param>
    void Quarantine(SyncFlowId flow, SyncSide side, string recordId, string errorMessage, string? payload, bool released = false);

    /// <summary>Removes a record from quarantine (it went through).</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="side">The side the record lives on.</param>
    /// <param name="recordId">The record's id.</param>
    void ClearQuarantine(SyncFlowId flow, SyncSide side, string recordId);

    /// <summary>
    /// Fences the commit with the lease its flow's cycle holds: <see cref="CommitAsync"/> applies it only while that lease
    /// (its owner and epoch) is still the flow's, checked in the commit's own transaction, and otherwise throws
    /// <see cref="Engine.SyncLeaseLostException"/> and writes nothing of it. A lease that lapsed but that nobody took over
    /// still holds.
    /// </summary>
    /// <param name="lease">The lease, as acquired or taken over.</param>
    void RequireLease(SyncLease lease);

    /// <summary>Applies the queued changes in one transaction. A commit can be committed once.</summary>
    /// <param name="cancellationToken">Cancels the commit before it is applied.</param>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
