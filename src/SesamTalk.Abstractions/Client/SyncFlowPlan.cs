namespace SesamTalk;

/// <summary>
/// What one cycle of one flow (an entity and one remote target) would do: the writes it would make, and, like
/// <see cref="SyncFlowReport"/>, whether it would stop early and why.
/// </summary>
public sealed class SyncFlowPlan
{
    /// <summary>Creates the plan of one flow.</summary>
    /// <param name="entity">The host entity's name.</param>
    /// <param name="target">The remote (system, type).</param>
    /// <param name="changes">The writes the cycle would make.</param>
    /// <param name="stopReason">Why the cycle would stop early, or <see langword="null"/> when it would run to the end.</param>
    /// <param name="failed">Whether it would stop because a system failed.</param>
    public SyncFlowPlan(string entity, SyncTarget target, IReadOnlyList<SyncPlannedChange> changes, string? stopReason, bool failed)
    {
        Entity = entity ?? throw new ArgumentNullException(nameof(entity));
        Target = target;
        Changes = changes ?? throw new ArgumentNullException(nameof(changes));
        StopReason = stopReason;
        Failed = failed;
    }

    /// <summary>The host entity's name.</summary>
    public string Entity { get; }

    /// <summary>The remote (system, type).</summary>
    public SyncTarget Target { get; }

    /// <summary>The writes the cycle would make, each once.</summary>
    public IReadOnlyList<SyncPlannedChange> Changes { get; }

    /// <summary>
    /// Whether the cycle would stop early: the flow is disabled, a system failed while planning, or the mass-change
    /// breaker would trip. A plan stopped by a failure lists only what it decided before it; a plan the breaker would
    /// stop lists every change, so a person can see what allowing the mass change would write.
    /// </summary>
    public bool Stopped => StopReason is not null;

    /// <summary>Why the cycle would stop early, if it would (for the breaker: its name, the count and the limit).</summary>
    public string? StopReason { get; }

    /// <summary>
    /// Whether planning stopped because a system failed (down, throttled past the allowed wait, out of quota, refusing
    /// its credentials), as opposed to a disabled flow or the mass-change breaker.
    /// </summary>
    public bool Failed { get; }
}
