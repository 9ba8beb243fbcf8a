namespace SesamTalk;

/// <summary>What one cycle of one flow (an entity and one remote target) did.</summary>
public sealed class SyncFlowReport
{
    /// <summary>Creates the report.</summary>
    /// <param name="entity">The host entity's name.</param>
    /// <param name="target">The remote (system, type).</param>
    public SyncFlowReport(string entity, SyncTarget target)
    {
        Entity = entity;
        Target = target;
    }

    /// <summary>The host entity's name.</summary>
    public string Entity { get; }

    /// <summary>The remote (system, type).</summary>
    public SyncTarget Target { get; }

    /// <summary>Records read from both sides.</summary>
    public int Read { get; set; }

    /// <summary>Records created on either side.</summary>
    public int Created { get; set; }

    /// <summary>Records updated on either side.</summary>
    public int Updated { get; set; }

    /// <summary>Records deleted (or soft-deleted) on either side.</summary>
    public int Deleted { get; set; }

    /// <summary>The flow's links after the cycle: how many records of the entity are linked with the remote type.</summary>
    public int Linked { get; set; }

    /// <summary>Reads that were echoes of the engine's own writes, or already agreed, and so wrote nothing.</summary>
    public int Unchanged { get; set; }

    /// <summary>Conflicts found (and resolved by rule) in this cycle.</summary>
    public int Conflicts { get; set; }

    /// <summary>Records quarantined with an error in this cycle.</summary>
    public int Quarantined { get; set; }

    /// <summary>Remote API calls made.</summary>
    public int ApiCalls { get; set; }

    /// <summary>Whether the cycle stopped early at a checkpoint (quota exhausted, breaker tripped, cancelled).</summary>
    public bool Stopped { get; set; }

    /// <summary>Why the cycle stopped early, if it did.</summary>
    public string? StopReason { get; set; }

    /// <summary>
    /// When the system that stopped the cycle takes calls again (an exhausted quota's or rate limit's reset), if it said;
    /// the background sync runs the flow again then.
    /// </summary>
    public DateTimeOffset? RetryAt { get; set; }

    /// <summary>
    /// Whether the mass-change breaker holds the flow: this cycle stopped at the breaker and the flow's cycles write
    /// nothing until a person approves the change once (<see cref="EntitySyncClient{TEntity}.ApproveHeldFlowAsync"/>) or
    /// the source is fixed. A held flow did not fail.
    /// </summary>
    public bool Held { get; set; }

    /// <summary>
    /// Whether the cycle stopped because a system failed (down, throttled past the allowed wait, out of quota, refusing
    /// its credentials), as opposed to a flow that is disabled or that another process holds.
    /// </summary>
    public bool Failed { get; set; }
}
