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

    /// <summary>Why a cycle of the flow stopped early, if one did.</summary>
    public string? StopReason { get; set; }

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
        StopReason = report.Stopped ? report.StopReason ?? "stopped" : StopReason;
    }
}
