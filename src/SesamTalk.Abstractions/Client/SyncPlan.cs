namespace SesamTalk;

/// <summary>The typed diff of a dry run: what a cycle would write, per flow and side, and where it would stop. Nothing was written.</summary>
public sealed class SyncPlan
{
    /// <summary>Creates the plan.</summary>
    /// <param name="flows">One plan per flow, in the order a sync would run them.</param>
    public SyncPlan(IReadOnlyList<SyncFlowPlan> flows)
    {
        Flows = flows ?? throw new ArgumentNullException(nameof(flows));
        Changes = flows.SelectMany(flow => flow.Changes).ToList();
    }

    /// <summary>One plan per flow, in the order a sync would run them: its changes, and whether and why it would stop.</summary>
    public IReadOnlyList<SyncFlowPlan> Flows { get; }

    /// <summary>The planned changes of every flow.</summary>
    public IReadOnlyList<SyncPlannedChange> Changes { get; }

    /// <summary>The planned changes of one kind.</summary>
    /// <param name="kind">The kind.</param>
    public IEnumerable<SyncPlannedChange> OfKind(SyncChangeKind kind) => Changes.Where(change => change.Kind == kind);
}
