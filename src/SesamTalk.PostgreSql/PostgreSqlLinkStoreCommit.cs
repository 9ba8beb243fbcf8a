using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.PostgreSql;

/// <summary>
/// Queues a page's changes and applies them in one transaction, so no row is locked while the engine calls remote APIs.
/// A run of link saves, a run of fingerprint updates and the completed intents each go to the server in one statement
/// (<see cref="PostgreSqlLinkBatches"/>), whatever the page's size.
/// </summary>
internal sealed class PostgreSqlLinkStoreCommit(PostgreSqlLinkStore store) : BatchedLinkStoreCommit<PostgreSqlWriter>
{
    protected override Task InTransactionAsync(Func<PostgreSqlWriter, DateTimeOffset, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        store.InTransactionAsync(work, cancellationToken);

    protected override Task<bool> IsLeaseHeldAsync(PostgreSqlWriter writer, SyncLease lease, CancellationToken cancellationToken) =>
        PostgreSqlLinkStore.IsLeaseHeldAsync(writer, lease, cancellationToken);

    protected override Task InsertLinksAsync(PostgreSqlWriter writer, IReadOnlyList<QueuedLink> links, CancellationToken cancellationToken) =>
        PostgreSqlLinkBatches.InsertAsync(writer, links, cancellationToken);

    protected override Task SaveFingerprintsAsync(PostgreSqlWriter writer, IReadOnlyList<QueuedFingerprints> prints, CancellationToken cancellationToken) =>
        PostgreSqlLinkBatches.SaveFingerprintsAsync(writer, prints, cancellationToken);

    protected override Task RemoveLinkAsync(PostgreSqlWriter writer, SyncFlowId flow, string localId, CancellationToken cancellationToken) =>
        PostgreSqlLinkWrites.UnlinkAsync(writer, flow, localId, cancellationToken);

    protected override Task SaveCursorAsync(PostgreSqlWriter writer, SyncFlowId flow, SyncSide side, string cursor, DateTimeOffset now, CancellationToken cancellationToken) =>
        PostgreSqlLinkWrites.SaveCursorAsync(writer, flow, side, cursor, now, cancellationToken);

    protected override Task RecordConflictAsync(PostgreSqlWriter writer, ConflictRecord conflict, CancellationToken cancellationToken) =>
        PostgreSqlLinkWrites.RecordConflictAsync(writer, conflict, cancellationToken);

    protected override Task QuarantineAsync(PostgreSqlWriter writer, SyncFlowId flow, SyncSide side, string recordId, string errorMessage, string? payload, bool released, DateTimeOffset now, CancellationToken cancellationToken) =>
        PostgreSqlLinkWrites.QuarantineAsync(writer, flow, side, recordId, errorMessage, payload, released, now, cancellationToken);

    protected override Task ClearQuarantineAsync(PostgreSqlWriter writer, SyncFlowId flow, SyncSide side, string recordId, CancellationToken cancellationToken) =>
        PostgreSqlLinkWrites.ClearQuarantineAsync(writer, flow, side, recordId, cancellationToken);

    protected override Task CompleteIntentsAsync(PostgreSqlWriter writer, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        PostgreSqlLinkBatches.CompleteIntentsAsync(writer, keys, cancellationToken);
}
