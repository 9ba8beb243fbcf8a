using SesamTalk;

namespace SesamTalk.Benchmarks.Bulk;

/// <summary>A product as a host keeps it, synced with Salesforce Product2.</summary>
[SyncsWith("Salesforce", "Product2")]
public partial class BenchProduct
{
    [SyncId] public string Id { get; set; } = "";

    [MatchKey]
    [Field("Salesforce", "ProductCode")]
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    [Field("Salesforce", "IsActive")]
    public bool Active { get; set; }
}
