namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// Queues a page's changes and applies them in one transaction of the store's, so nothing is locked while the engine
/// calls remote APIs. A run of link saves, a run of fingerprint updates, and the completed intents each go to the
/// database in one statement (<see cref="LinkBatches"/>), whatever the page's size.
/// </summary>
internal sealed class AdoNetLinkStoreCommit(AdoNetLinkStore store) : BatchedLinkStoreCommit<LinkStoreWriter>
{
    protected override Task InTransactionAsync(Func<LinkStoreWriter, DateTimeOffset, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        store.InTransactionAsync(work, cancellationToken);

    protected override Task<bool> IsLeaseHeldAsync(LinkStoreWriter writer, SyncLease lease, CancellationToken cancellationToken) =>
        AdoNetLinkStore.IsLeaseHeldAsync(writer, lease, cancellationToken);

    protected override Task InsertLinksAsync(LinkStoreWriter writer, IReadOnlyList<QueuedLink> links, CancellationToken cancellationToken) =>
        LinkBatches.InsertAsync(writer, links, cancellationToken);

    protected override Task SaveFingerprintsAsync(LinkStoreWriter writer, IReadOnlyList<QueuedFingerprints> prints, CancellationToken cancellationToken) =>
        LinkBatches.SaveFingerprintsAsync(writer, prints, cancellationToken);

    protected override Task RemoveLinkAsync(LinkStoreWriter writer, SyncFlowId flow, string localId, CancellationToken cancellationToken) =>
        LinkWrites.UnlinkAsync(writer, flow, localId, cancellationToken);

    protected override Task SaveCursorAsync(LinkStoreWriter writer, SyncFlowId flow, SyncSide side, string cursor, DateTimeOffset now, CancellationToken cancellationToken) =>
        LinkWrites.SaveCursorAsync(writer, flow, side, cursor, now, cancellationToken);

    protected override Task RecordConflictAsync(LinkStoreWriter writer, ConflictRecord conflict, CancellationToken cancellationToken) =>
        LinkWrites.RecordConflictAsync(writer, conflict, cancellationToken);

    protected override Task QuarantineAsync(LinkStoreWriter writer, SyncFlowId flow, SyncSide side, string recordId, string errorMessage, string? payload, bool released, DateTimeOffset now, CancellationToken cancellationToken) =>
        LinkWrites.QuarantineAsync(writer, flow, side, recordId, errorMessage, payload, released, now, cancellationToken);

    protected override Task ClearQuarantineAsync(LinkStoreWriter writer, SyncFlowId flow, SyncSide side, string recordId, CancellationToken cancellationToken) =>
        LinkWrites.ClearQuarantineAsync(writer, flow, side, recordId, cancellationToken);

    protected override Task CompleteIntentsAsync(LinkStoreWriter writer, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        LinkBatches.CompleteIntentsAsync(writer, keys, cancellationToken);
}
