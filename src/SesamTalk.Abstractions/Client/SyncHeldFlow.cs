namespace SesamTalk;

/// <summary>
/// A flow the mass-change breaker holds: its cycles write nothing until a person approves the change once
/// (<see cref="EntitySyncClient{TEntity}.ApproveHeldFlowAsync"/>) or the source is fixed. Keeping it held is not approving.
/// </summary>
public sealed class SyncHeldFlow
{
    /// <summary>Creates the held flow.</summary>
    /// <param name="entity">The host entity's name.</param>
    /// <param name="target">The remote (system, type).</param>
    /// <param name="heldSince">When the breaker first stopped the flow (UTC).</param>
    /// <param name="checkedAt">When a cycle last met the breaker and kept the hold (UTC).</param>
    /// <param name="changes">The deletes and overwrites of linked records a cycle would make, as last counted.</param>
    /// <param name="links">The flow's links when last counted.</param>
    /// <param name="limit">The most deletes and overwrites the breaker allows a cycle.</param>
    /// <param name="reason">The breaker's message.</param>
    /// <param name="approvedBy">Who approved the change, or <see langword="null"/> while nobody has.</param>
    /// <param name="approvedAt">When it was approved (UTC), or <see langword="null"/>.</param>
    /// <param name="plan">What the cycle would write now, once released.</param>
    public SyncHeldFlow(
        string entity,
        SyncTarget target,
        DateTimeOffset heldSince,
        DateTimeOffset checkedAt,
        int changes,
        int links,
        int limit,
        string reason,
        string? approvedBy,
        DateTimeOffset? approvedAt,
        SyncFlowPlan plan)
    {
        Entity = entity ?? throw new ArgumentNullException(nameof(entity));
        Target = target;
        HeldSince = heldSince;
        CheckedAt = checkedAt;
        Changes = changes;
        Links = links;
        Limit = limit;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        ApprovedBy = approvedBy;
        ApprovedAt = approvedAt;
        Plan = plan ?? throw new ArgumentNullException(nameof(plan));
    }

    /// <summary>The host entity's name.</summary>
    public string Entity { get; }

    /// <summary>The remote (system, type).</summary>
    public SyncTarget Target { get; }

    /// <summary>When the breaker first stopped the flow (UTC).</summary>
    public DateTimeOffset HeldSince { get; }

    /// <summary>When a cycle last met the breaker and kept the hold (UTC).</summary>
    public DateTimeOffset CheckedAt { get; }

    /// <summary>The deletes and overwrites of linked records a cycle would make, as last counted.</summary>
    public int Changes { get; }

    /// <summary>The flow's links when last counted.</summary>
    public int Links { get; }

    /// <summary>The most deletes and overwrites the breaker allows a cycle.</summary>
    public int Limit { get; }

    /// <summary>The breaker's message: the flow, the counts and the limit.</summary>
    public string Reason { get; }

    /// <summary>Who approved the change, or <see langword="null"/> while nobody has.</summary>
    public string? ApprovedBy { get; }

    /// <summary>When the change was approved (UTC), or <see langword="null"/>.</summary>
    public DateTimeOffset? ApprovedAt { get; }

    /// <summary>Whether the change is approved: the flow's next cycle passes the breaker once, and the hold ends when it ran.</summary>
    public bool IsApproved => ApprovedAt is not null;

    /// <summary>
    /// What releasing the flow would write: the dry run of its cycle now, every change listed (its
    /// <see cref="SyncFlowPlan.StopReason"/> says the breaker would stop it while the change passes the limit).
    /// </summary>
    public SyncFlowPlan Plan { get; }
}
