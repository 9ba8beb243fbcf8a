using System.Collections.Concurrent;

namespace SesamTalk.Dashboard;

/// <summary>
/// The last report of each flow's cycle started from the dashboard, in memory, so the overview can show what it did.
/// (Cycles run by the host's own schedule are not seen here: a kept history of cycles belongs in the link store.)
/// </summary>
internal sealed class DashboardRuns
{
    private readonly ConcurrentDictionary<FlowRef, (SyncFlowReport Report, DateTimeOffset At)> _last = new();

    public void Add(string host, SyncReport report, DateTimeOffset at)
    {
        foreach (var flow in report.Flows)
        {
            _last[new FlowRef(host, new(flow.Entity, flow.Target))] = (flow, at);
        }
    }

    public (SyncFlowReport Report, DateTimeOffset At)? Last(FlowRef flow) => _last.TryGetValue(flow, out var last) ? last : null;
}
