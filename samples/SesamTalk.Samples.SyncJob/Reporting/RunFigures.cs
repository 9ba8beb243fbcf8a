namespace SesamTalk.Samples.SyncJob.Reporting;

/// <summary>The figures of every flow the run has synced, in the order the flows first ran.</summary>
public sealed class RunFigures
{
    private readonly Dictionary<HostFlow, FlowFigures> _flows = [];
    private readonly List<HostFlow> _order = [];

    /// <summary>The flows, in the order they first ran.</summary>
    public IReadOnlyList<HostFlow> Flows => _order;

    /// <summary>A flow's figures; zeros for a flow that has not run.</summary>
    public FlowFigures this[HostFlow flow] => _flows.TryGetValue(flow, out var figures) ? figures : new FlowFigures();

    /// <summary>Adds a host's cycle.</summary>
    /// <param name="host">The host's system name.</param>
    /// <param name="report">The cycle's report.</param>
    public void Add(string host, SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var flowReport in report.Flows)
        {
            var flow = HostFlow.Of(host, flowReport);
            if (!_flows.TryGetValue(flow, out var figures))
            {
                _flows[flow] = figures = new FlowFigures();
                _order.Add(flow);
            }

            figures.Add(flowReport);
        }
    }
}
