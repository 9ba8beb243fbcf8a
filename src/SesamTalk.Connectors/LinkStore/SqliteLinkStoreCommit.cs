namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// Queues a page's changes and applies them in one IMMEDIATE transaction, so no write lock is held while the engine calls
/// remote APIs. A run of link saves, a run of fingerprint updates, and the completed intents each go to the file in one
/// statement (<see cref="SqliteLinkBatches"/>), whatever the page's size.
/// </summary>
internal sealed class SqliteLinkStoreCommit(SqliteLinkStore store) : BatchedLinkStoreCommit<SqliteWriter>
{
    protected override Task InTransactionAsync(Func<SqliteWriter, DateTimeOffset, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        store.InTransactionAsync(work, cancellationToken);

    protected override Task<bool> IsLeaseHeldAsync(SqliteWriter writer, SyncLease lease, CancellationToken cancellationToken) =>
        SqliteLinkStore.IsLeaseHeldAsync(writer, lease, cancellationToken);

    protected override Task InsertLinksAsync(SqliteWriter writer, IReadOnlyList<QueuedLink> links, CancellationToken cancellationToken) =>
        SqliteLinkBatches.InsertAsync(writer, links, cancellationToken);

    protected override Task SaveFingerprintsAsync(SqliteWriter writer, IReadOnlyList<QueuedFingerprints> prints, CancellationToken cancellationToken) =>
        SqliteLinkBatches.SaveFingerprintsAsync(writer, prints, cancellationToken);

    protected override Task RemoveLinkAsync(SqliteWriter writer, SyncFlowId flow, string localId, CancellationToken cancellationToken) =>
        SqliteLinkWrites.UnlinkAsync(writer, flow, localId, cancellationToken);

    protected override Task SaveCursorAsync(SqliteWriter writer, SyncFlowId flow, SyncSide side, string cursor, DateTimeOffset now, CancellationToken cancellationToken) =>
        SqliteLinkWrites.SaveCursorAsync(writer, flow, side, cursor, now, cancellationToken);

    protected override Task RecordConflictAsync(SqliteWriter writer, ConflictRecord conflict, CancellationToken cancellationToken) =>
        SqliteLinkWrites.RecordConflictAsync(writer, conflict, cancellationToken);

    protected override Task QuarantineAsync(SqliteWriter writer, SyncFlowId flow, SyncSide side, string recordId, string errorMessage, string? payload, bool released, DateTimeOffset now, CancellationToken cancellationToken) =>
        SqliteLinkWrites.QuarantineAsync(writer, flow, side, recordId, errorMessage, payload, released, now, cancellationToken);

    protected override Task ClearQuarantineAsync(SqliteWriter writer, SyncFlowId flow, SyncSide side, string recordId, CancellationToken cancellationToken) =>
        SqliteLinkWrites.ClearQuarantineAsync(writer, flow, side, recordId, cancellationToken);

    protected override Task CompleteIntentsAsync(SqliteWriter writer, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        SqliteLinkBatches.CompleteIntentsAsync(writer, keys, cancellationToken);
}
