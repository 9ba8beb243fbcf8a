namespace SesamTalk.Connectors.Engine;

/// <summary>The engine's options. Bound from the <c>SesamTalk:Engine</c> configuration section.</summary>
public sealed class SyncEngineOptions
{
    /// <summary>How long a flow's lease lasts; the engine renews it before every commit.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Options per flow, keyed <c>Entity</c>, <c>Entity/System</c> or <c>Entity/System/Type</c> (the most specific
    /// key wins), e.g. <c>Product/Salesforce/Product2</c>.
    /// </summary>
    public Dictionary<string, SyncFlowOptions> Flows { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The options of the flow of <paramref name="entity"/> with <paramref name="target"/>.</summary>
    /// <param name="entity">The entity's name.</param>
    /// <param name="target">The remote (system, type).</param>
    public SyncFlowOptions ForFlow(string entity, SyncTarget target) =>
        Flows.TryGetValue(entity + "/" + target.System + "/" + target.Type, out var exact) ? exact
        : Flows.TryGetValue(entity + "/" + target.System, out var perSystem) ? perSystem
        : Flows.TryGetValue(entity, out var perEntity) ? perEntity
        : Default;

    private static SyncFlowOptions Default { get; } = new();
}
