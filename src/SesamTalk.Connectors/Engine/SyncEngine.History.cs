using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>Each cycle's report kept in the link store's history (<see cref="SyncEngineOptions.HistoryRetention"/>).</summary>
public sealed partial class SyncEngine
{
    /// <summary>Runs the cycle, then records its report when it ran and the link store keeps a history.</summary>
    private async Task<SyncFlowReport> RunAndRecordAsync<TEntity>(FlowCycle<TEntity> cycle)
        where TEntity : class
    {
        var startedAt = _context.Time.GetUtcNow();
        var report = await cycle.RunAsync().ConfigureAwait(false);
        if (cycle.TookLease && _context.Options.HistoryRetention > 0 && _context.Links is ICycleHistoryStore history)
        {
            // Recorded even when the caller cancelled: what the cycle committed before it stopped belongs in its report.
            var record = new CycleRecord(startedAt, _context.Time.GetUtcNow(), report);
            await history.RecordCycleAsync(record, _context.Options.HistoryRetention, CancellationToken.None).ConfigureAwait(false);
        }

        return report;
    }
}
