namespace SesamTalk.Samples.SyncJob.Reporting;

/// <summary>
/// One of the 20 rows of the seed documents and the flow that implements it: a host entity's flow with one remote type,
/// or, for a row whose records travel inside another flow's records (SuperOffice quote lines inside their quote
/// alternatives), that carrying flow and the child type.
/// </summary>
/// <param name="Title">The seed section's title, e.g. <c>Customwebshop Product to Salesforce Product2</c>.</param>
/// <param name="Flow">The flow.</param>
/// <param name="ChildType">The remote type of the records carried inside <paramref name="Flow"/>'s records, or null.</param>
public sealed record SeedRow(string Title, HostFlow Flow, string? ChildType = null);

/// <summary>A flow of one host: the host's system name, the entity and the remote (system, type).</summary>
/// <param name="Host">The host's system name, e.g. <c>Customwebshop</c>.</param>
/// <param name="Entity">The host entity, e.g. <c>Order</c>.</param>
/// <param name="Target">The remote system and type.</param>
public sealed record HostFlow(string Host, string Entity, SyncTarget Target)
{
    /// <summary>The flow as a host's report names it.</summary>
    public static HostFlow Of(string host, SyncFlowReport report) => new(host, report.Entity, report.Target);

    /// <summary>Equal flows name the same host and entity in any case (the seeds spell CustomWebshop both ways).</summary>
    public bool Equals(HostFlow? other) =>
        other is not null
        && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Entity, other.Entity, StringComparison.OrdinalIgnoreCase)
        && Target == other.Target;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Host), StringComparer.OrdinalIgnoreCase.GetHashCode(Entity), Target);

    /// <inheritdoc />
    public override string ToString() => $"{Host} {Entity} - {Target.System} {Target.Type}";
}
