using Microsoft.Extensions.Logging;

namespace SesamTalk.Connectors.Engine;

/// <summary>The engine's log messages. They name flows, record ids and counts, never field values or credentials.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(1, LogLevel.Information, "{Flow}: cycle started (host cursor {HostCursor}, remote cursor {RemoteCursor})")]
    public static partial void CycleStarted(ILogger logger, string flow, string? hostCursor, string? remoteCursor);

    [LoggerMessage(2, LogLevel.Information, "{Flow}: cycle done: read {Read}, created {Created}, updated {Updated}, deleted {Deleted}, conflicts {Conflicts}, quarantined {Quarantined}, API calls {ApiCalls}")]
    public static partial void CycleDone(ILogger logger, string flow, int read, int created, int updated, int deleted, int conflicts, int quarantined, int apiCalls);

    [LoggerMessage(3, LogLevel.Warning, "{Flow}: stopped at the last checkpoint: {Reason}")]
    public static partial void CycleStopped(ILogger logger, string flow, string reason);

    [LoggerMessage(4, LogLevel.Warning, "{Flow}: {Side} record {RecordId} quarantined: {Error}")]
    public static partial void Quarantined(ILogger logger, string flow, SyncSide side, string recordId, string error);

    [LoggerMessage(5, LogLevel.Information, "{Flow}: {Field} of {LocalId}/{RemoteId} changed on both sides; {Winner} won by {Rule}")]
    public static partial void Conflict(ILogger logger, string flow, string field, string localId, string remoteId, SyncSide winner, ConflictRule rule);

    [LoggerMessage(6, LogLevel.Information, "{Flow}: another process holds the flow's lease; skipped")]
    public static partial void LeaseHeld(ILogger logger, string flow);

    [LoggerMessage(7, LogLevel.Debug, "{Flow}: committed {Works} records up to {Side} cursor {Cursor}")]
    public static partial void Committed(ILogger logger, string flow, int works, SyncSide side, string cursor);

    [LoggerMessage(8, LogLevel.Warning, "{Flow}: host record {RecordId} may have been created remotely without its link being saved, and neither a match key nor the API can tell; creating it again")]
    public static partial void UnverifiableIntent(ILogger logger, string flow, string recordId);

    [LoggerMessage(9, LogLevel.Information, "{Flow}: listed {Listed} remote ids; {Vanished} linked records are no longer there and count as deleted remotely")]
    public static partial void DeletionScan(ILogger logger, string flow, int listed, int vanished);

    [LoggerMessage(10, LogLevel.Warning, "{Flow}: a create whose answer is lost cannot be found again: {System} honours no idempotency key for the type, knows no natural key for it, and the mapping has no match key. A rerun may create such a record twice; give the mapping a [MatchKey] on a field the remote system keeps")]
    public static partial void UnprotectedCreates(ILogger logger, string flow, string system);

    [LoggerMessage(11, LogLevel.Warning, "{Flow}: held by the mass-change breaker: a cycle would delete or overwrite {Changes} of {Links} linked records (the limit is {Limit}); its cycles write nothing until a person approves the change once or the source is fixed")]
    public static partial void FlowHeld(ILogger logger, string flow, int changes, int links, int limit);

    [LoggerMessage(12, LogLevel.Warning, "{Flow}: still held by the mass-change breaker (since {Since}): a cycle would delete or overwrite {Changes} of {Links} linked records (the limit is {Limit}); nothing was written")]
    public static partial void FlowStillHeld(ILogger logger, string flow, DateTimeOffset since, int changes, int links, int limit);

    [LoggerMessage(13, LogLevel.Information, "{Flow}: held since {Since}; a dry run checks whether a cycle still passes the mass-change breaker")]
    public static partial void CheckingHold(ILogger logger, string flow, DateTimeOffset since);

    [LoggerMessage(14, LogLevel.Information, "{Flow}: {ApprovedBy} approved the held change; the flow's next cycle passes the mass-change breaker once")]
    public static partial void HoldApproved(ILogger logger, string flow, string approvedBy);

    [LoggerMessage(15, LogLevel.Information, "{Flow}: released from its hold: the cycle approved by {ApprovedBy} at {ApprovedAt} ran past the mass-change breaker")]
    public static partial void HoldReleasedByApproval(ILogger logger, string flow, string? approvedBy, DateTimeOffset? approvedAt);

    [LoggerMessage(16, LogLevel.Information, "{Flow}: released from its hold by itself: the cycle no longer passes the mass-change breaker's limit, so the source was fixed")]
    public static partial void HoldReleasedSourceFixed(ILogger logger, string flow);

    [LoggerMessage(17, LogLevel.Information, "{Flow}: released from its hold: AllowMassChange is set for the flow and the cycle ran past the mass-change breaker")]
    public static partial void HoldReleasedByOptions(ILogger logger, string flow);

    [LoggerMessage(18, LogLevel.Warning, "{Flow}: reading back {Count} written records failed ({Reason}); values the system may have rewritten are judged by what was sent")]
    public static partial void ReadBackFailed(ILogger logger, string flow, int count, string reason);

    [LoggerMessage(23, LogLevel.Information, "{Flow}: runs its normal cycle from its cursors instead of reading the notified records by id: {Reason}")]
    public static partial void NormalCycle(ILogger logger, string flow, string reason);

    [LoggerMessage(24, LogLevel.Debug, "{Flow}: reads {RemoteIds} notified remote and {HostIds} notified host records by id; the change feeds and cursors stay as they are")]
    public static partial void TargetedRead(ILogger logger, string flow, int remoteIds, int hostIds);
}
