namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// The history of cycles a link store keeps: the engine records each cycle's report when the cycle ends, and keeps
/// only each flow's latest (<c>SesamTalk:Engine:HistoryRetention</c>), so the history stays bounded. The link stores
/// SesamTalk ships (SQLite, PostgreSQL) implement it; the engine keeps no history over a store that does not.
/// </summary>
public interface ICycleHistoryStore
{
    /// <summary>
    /// Records a cycle and, in the same transaction, forgets its flow's older cycles beyond the latest
    /// <paramref name="keep"/>.
    /// </summary>
    /// <param name="cycle">The cycle.</param>
    /// <param name="keep">How many of the flow's latest cycles to keep, this one included; at least 1.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task RecordCycleAsync(CycleRecord cycle, int keep, CancellationToken cancellationToken = default);

    /// <summary>The flow's latest cycles, newest first.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="limit">The most cycles to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<CycleRecord>> GetCycleHistoryAsync(SyncFlowId flow, int limit, CancellationToken cancellationToken = default);
}
