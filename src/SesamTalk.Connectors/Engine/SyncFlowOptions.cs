namespace SesamTalk.Connectors.Engine;

/// <summary>How one flow (an entity with one remote type) behaves. Bound from <c>SesamTalk:Engine:Flows:{key}</c>.</summary>
public sealed class SyncFlowOptions
{
    /// <summary>Whether the flow runs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>What a delete on either side does to the linked record on the other side.</summary>
    public DeletePolicy Deletes { get; set; } = DeletePolicy.Ignore;

    /// <summary>The remote field a soft delete sets, e.g. <c>IsActive</c> on Salesforce Product2.</summary>
    public string? SoftDeleteField { get; set; }

    /// <summary>The value a soft delete writes to <see cref="SoftDeleteField"/> (text; <c>false</c>, <c>true</c> and numbers are typed).</summary>
    public string? SoftDeleteValue { get; set; }

    /// <summary>
    /// The mass-change breaker: a cycle stops, before writing, when its deletes and overwrites of linked records
    /// would pass this share of the flow's links. Creates never count.
    /// </summary>
    public double MassChangeShare { get; set; } = 0.5;

    /// <summary>The breaker allows at least this many deletes and overwrites per cycle, so small flows are not stopped by one edit.</summary>
    public int MassChangeMinimum { get; set; } = 20;

    /// <summary>Lets cycles pass the breaker (after a person checked that the mass change is meant).</summary>
    public bool AllowMassChange { get; set; }

    /// <summary>
    /// Where the remote feed reports no deletions (SuperOffice), how often a cycle lists every remote id to find the
    /// linked records deleted since (at most once per interval per process; the first cycle of a process lists). Zero
    /// lists every cycle; null never. The <see cref="Deletes"/> policy then applies as to any remote delete.
    /// </summary>
    public TimeSpan? DeletionScanInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Host changes per unit of work; null for the connector's largest write batch, and at least 1,000.</summary>
    public int? BatchSize { get; set; }
}
