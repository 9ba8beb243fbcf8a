using System.Data.Common;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>The history of cycles: each cycle's report, the flow's latest kept and the older ones pruned as a new one is recorded.</summary>
public abstract partial class AdoNetLinkStore : ICycleHistoryStore
{
    private const string CycleColumns =
        "entity, system, type, started_at, ended_at, records_read, created, updated, deleted, linked, unchanged, conflicts, quarantined, api_calls, stopped, stop_reason, held, failed";

    /// <inheritdoc />
    public Task RecordCycleAsync(CycleRecord cycle, int keep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var report = cycle.Report;
        var flow = cycle.Flow;
        return InTransactionAsync(
            async (w, _, ct) =>
            {
                await w.ExecuteAsync(
                    "INSERT INTO cycles (" + CycleColumns + ") VALUES (@entity, @system, @type, @startedAt, @endedAt, @read, @created, @updated, @deleted, "
                    + "@linked, @unchanged, @conflicts, @quarantined, @apiCalls, @stopped, @stopReason, @held, @failed);",
                    LinkStoreDb.Flow(
                        flow,
                        ("@startedAt", _dialect.Time(cycle.StartedAt)),
                        ("@endedAt", _dialect.Time(cycle.EndedAt)),
                        ("@read", report.Read),
                        ("@created", report.Created),
                        ("@updated", report.Updated),
                        ("@deleted", report.Deleted),
                        ("@linked", report.Linked),
                        ("@unchanged", report.Unchanged),
                        ("@conflicts", report.Conflicts),
                        ("@quarantined", report.Quarantined),
                        ("@apiCalls", report.ApiCalls),
                        ("@stopped", report.Stopped),
                        ("@stopReason", report.StopReason),
                        ("@held", report.Held),
                        ("@failed", report.Failed)),
                    ct).ConfigureAwait(false);

                // The flow's index (entity, system, type, id) finds the oldest kept id and the rows before it.
                await w.ExecuteAsync(
                    "DELETE FROM cycles WHERE " + FlowIs + " AND id < (SELECT MIN(id) FROM (SELECT id FROM cycles WHERE " + FlowIs + " ORDER BY id DESC LIMIT @keep) AS kept);",
                    LinkStoreDb.Flow(flow, ("@keep", keep)),
                    ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CycleRecord>> GetCycleHistoryAsync(SyncFlowId flow, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return QueryAsync(
            "SELECT " + CycleColumns + " FROM cycles WHERE " + FlowIs + " ORDER BY id DESC LIMIT @limit;",
            LinkStoreDb.Flow(flow, ("@limit", limit)),
            ReadCycle,
            cancellationToken);
    }

    private CycleRecord ReadCycle(DbDataReader reader)
    {
        var flow = LinkStoreDb.ReadFlow(reader);
        var report = new SyncFlowReport(flow.Entity, flow.Target)
        {
            Read = reader.GetInt32(5),
            Created = reader.GetInt32(6),
            Updated = reader.GetInt32(7),
            Deleted = reader.GetInt32(8),
            Linked = reader.GetInt32(9),
            Unchanged = reader.GetInt32(10),
            Conflicts = reader.GetInt32(11),
            Quarantined = reader.GetInt32(12),
            ApiCalls = reader.GetInt32(13),
            Stopped = reader.GetBoolean(14),
            StopReason = LinkStoreDb.ReadNullableString(reader, 15),
            Held = reader.GetBoolean(16),
            Failed = reader.GetBoolean(17),
        };
        return new CycleRecord(_dialect.ReadTime(reader, 3), _dialect.ReadTime(reader, 4), report);
    }
}
