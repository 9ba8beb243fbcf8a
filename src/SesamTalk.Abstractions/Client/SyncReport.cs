namespace SesamTalk;

/// <summary>What one sync run did, flow by flow.</summary>
public sealed class SyncReport
{
    /// <summary>Creates the report.</summary>
    /// <param name="flows">One report per flow, in the order they ran.</param>
    public SyncReport(IReadOnlyList<SyncFlowReport> flows)
    {
        Flows = flows ?? throw new ArgumentNullException(nameof(flows));
    }

    /// <summary>One report per flow, in the order they ran.</summary>
    public IReadOnlyList<SyncFlowReport> Flows { get; }

    /// <summary>Joins the reports of several runs into one.</summary>
    /// <param name="reports">The reports.</param>
    public static SyncReport Combine(IEnumerable<SyncReport> reports) =>
        new(reports.SelectMany(report => report.Flows).ToList());
}
