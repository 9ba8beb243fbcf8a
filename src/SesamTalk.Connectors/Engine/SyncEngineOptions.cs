namespace SesamTalk.Connectors.Engine;

/// <summary>The engine's options. Bound from the <c>SesamTalk:Engine</c> configuration section.</summary>
public sealed class SyncEngineOptions
{
    /// <summary>How long a flow's lease lasts; the engine renews it in the background, before each unit's first write and before every commit.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many entries (a changed host record's time, each of its match-key values, its content while creates are
    /// open) a cycle keeps in memory in its index of the host's changes before it moves the index to a scratch SQLite
    /// file in <see cref="ScratchDirectory"/>. The index is built when remote records are matched or merged against the
    /// host's changes; past this size it costs a query a lookup instead of memory. Default 50,000 (a few MiB).
    /// </summary>
    public int HostIndexInMemory { get; set; } = 50_000;

    /// <summary>
    /// How many of each flow's latest cycles the link store keeps in its history (the dashboard's chart and list of
    /// cycles, and its last-cycle figures); recording a cycle forgets the flow's older ones. Zero keeps no history.
    /// Default 500 (a flow that runs every 5 minutes keeps about 42 hours). A dry run (<c>PlanAsync</c>) and a cycle of a
    /// disabled flow or of one another process is running are not recorded.
    /// </summary>
    public int HistoryRetention { get; set; } = 500;

    /// <summary>The folder for a cycle's scratch files (default: the system's temporary folder); each is deleted when its cycle ends.</summary>
    public string? ScratchDirectory { get; set; }

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
