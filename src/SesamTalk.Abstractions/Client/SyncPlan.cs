namespace SesamTalk;

/// <summary>The typed diff of a dry run: what a cycle would write, per flow and side. Nothing was written.</summary>
public sealed class SyncPlan
{
    /// <summary>Creates the plan.</summary>
    /// <param name="changes">The planned changes.</param>
    public SyncPlan(IReadOnlyList<SyncPlannedChange> changes)
    {
        Changes = changes ?? throw new ArgumentNullException(nameof(changes));
    }

    /// <summary>The planned changes.</summary>
    public IReadOnlyList<SyncPlannedChange> Changes { get; }

    /// <summary>The planned changes of one kind.</summary>
    /// <param name="kind">The kind.</param>
    public IEnumerable<SyncPlannedChange> OfKind(SyncChangeKind kind) => Changes.Where(change => change.Kind == kind);
}
