namespace SesamTalk.Samples.SyncJob.Reporting;

/// <summary>
/// One flow's figures over the cycles of a run: reads, writes, conflicts and API calls add up; <see cref="Linked"/> is the
/// links of the flow after the last cycle; <see cref="Quarantined"/> the records the link store holds in quarantine.
/// </summary>
public sealed class FlowFigures
{
    /// <summary>Records read, both sides.</summary>
    public int Read { get; set; }

    /// <summary>Records created, both sides.</summary>
    public int Created { get; set; }

    /// <summary>Records updated, both sides.</summary>
    public int Updated { get; set; }

    /// <summary>Links of the flow after the last cycle.</summary>
    public int Linked { get; set; }

    /// <summary>Field conflicts recorded.</summary>
    public int Conflicts { get; set; }

    /// <summary>Records in quarantine after the last cycle.</summary>
    public int Quarantined { get; set; }

    /// <summary>Remote API calls made.</summary>
    public int ApiCalls { get; set; }

    /// <summary>The errors of the quarantined records.</summary>
    public IReadOnlyList<string> QuarantineErrors { get; set; } = [];

    /// <summary>Why the last cycle of the flow that stopped early stopped, if one did.</summary>
    public string? StopReason { get; set; }

    /// <summary>Cycles of the flow that stopped early (a breaker, a quota, a failing system, a held lease).</summary>
    public int Stops { get; set; }

    /// <summary>Of <see cref="Stops"/>, the cycles that stopped because a system failed.</summary>
    public int Failures { get; set; }

    /// <summary>A copy of these figures with another <see cref="Linked"/>: a row carried inside this flow's records.</summary>
    /// <param name="linked">The carried row's links.</param>
    public FlowFigures WithLinked(int linked)
    {
        var copy = (FlowFigures)MemberwiseClone();
        copy.Linked = linked;
        return copy;
    }

    /// <summary>Adds a cycle's report.</summary>
    public void Add(SyncFlowReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Read += report.Read;
        Created += report.Created;
        Updated += report.Updated;
        Linked = report.Linked;
        Conflicts += report.Conflicts;
        ApiCalls += report.ApiCalls;
        if (report.Stopped)
        {
            StopReason = report.StopReason ?? "stopped";
            Stops++;
            Failures += report.Failed ? 1 : 0;
        }
    }
}
