namespace SesamTalk.Samples.SyncJob.Reporting;

/// <summary>
/// Makes early stops visible: after each cycle a line per flow that stopped (a mass-change breaker, a quota, a failing
/// system), and under the table every flow that stopped in any cycle with its last reason.
/// </summary>
internal static class StopReport
{
    /// <summary>Writes the stops of one cycle of every host, and how many flows failed; nothing when every flow ran to its end.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="cycle">The cycle's name, e.g. <c>Cycle 1</c>.</param>
    /// <param name="reports">Each host's name and its report of the cycle.</param>
    public static void WriteCycle(TextWriter output, string cycle, IReadOnlyList<(string Host, SyncReport Report)> reports)
    {
        var flows = reports.SelectMany(r => r.Report.Flows.Select(flow => (r.Host, Flow: flow))).ToList();
        var stopped = flows.Where(f => f.Flow.Stopped).ToList();
        if (stopped.Count == 0)
        {
            return;
        }

        output.WriteLine($"{cycle}: {stopped.Count} of {flows.Count} flows stopped early, {stopped.Count(f => f.Flow.Failed)} of them because a system failed:");
        foreach (var (host, flow) in stopped)
        {
            output.WriteLine($"  STOPPED {HostFlow.Of(host, flow)}{(flow.Failed ? " (failed)" : "")}: {flow.StopReason ?? "stopped"}");
        }
    }

    /// <summary>Writes every row whose flow stopped in a cycle of the run, with its last reason.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="rows">The table's rows.</param>
    public static void WriteFootnotes(TextWriter output, IReadOnlyList<(string Flow, FlowFigures Figures)> rows)
    {
        var stopped = rows.Where(row => row.Figures.Stops > 0).ToList();
        if (stopped.Count == 0)
        {
            return;
        }

        output.WriteLine($"{stopped.Count} flow(s) stopped early in some cycle, {stopped.Count(row => row.Figures.Failures > 0)} of them because a system failed; the last reason of each:");
        foreach (var (flow, figures) in stopped)
        {
            output.WriteLine($"  {flow}: {figures.StopReason}");
        }
    }
}
