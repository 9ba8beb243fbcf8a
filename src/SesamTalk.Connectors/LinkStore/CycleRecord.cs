namespace SesamTalk.Connectors.LinkStore;

/// <summary>One cycle of one flow as the link store's history keeps it: when it ran and what it did.</summary>
/// <param name="StartedAt">When the cycle started (UTC).</param>
/// <param name="EndedAt">When it ended (UTC).</param>
/// <param name="Report">What it did; the flow is the report's entity and target.</param>
public sealed record CycleRecord(DateTimeOffset StartedAt, DateTimeOffset EndedAt, SyncFlowReport Report)
{
    /// <summary>The flow the cycle ran.</summary>
    public SyncFlowId Flow => new(Report.Entity, Report.Target);
}
