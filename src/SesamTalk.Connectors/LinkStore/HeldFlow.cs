namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// A flow the mass-change breaker holds: its cycles write nothing until a person approves the change once, the source
/// is fixed, or <c>AllowMassChange</c> is set.
/// </summary>
/// <param name="Flow">The flow.</param>
/// <param name="Since">When the breaker first stopped it (UTC).</param>
/// <param name="CheckedAt">When a cycle last met the breaker and kept the hold (UTC).</param>
/// <param name="Changes">The deletes and overwrites of linked records the cycle would make, as last counted.</param>
/// <param name="Links">The flow's links when last counted.</param>
/// <param name="Limit">The most deletes and overwrites the breaker allows a cycle.</param>
/// <param name="Reason">The breaker's message.</param>
/// <param name="ApprovedBy">Who approved the change, or <see langword="null"/> while nobody has.</param>
/// <param name="ApprovedAt">When it was approved (UTC), or <see langword="null"/>.</param>
public sealed record HeldFlow(
    SyncFlowId Flow,
    DateTimeOffset Since,
    DateTimeOffset CheckedAt,
    int Changes,
    int Links,
    int Limit,
    string Reason,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt)
{
    /// <summary>Whether a person approved the change: the flow's next cycle passes the breaker once.</summary>
    public bool IsApproved => ApprovedAt is not null;
}
