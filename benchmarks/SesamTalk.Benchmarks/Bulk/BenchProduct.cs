using System.ComponentModel.DataAnnotations;
using SesamTalk;

namespace SesamTalk.Benchmarks.Bulk;

/// <summary>A product as a host keeps it, synced with Salesforce Product2.</summary>
[SyncsWith("Salesforce", "Product2")]
public partial class BenchProduct
{
    [SyncId] public string Id { get; set; } = "";

    [MatchKey]
    [Field("Salesforce", "ProductCode")]
    [MaxLength(255)]
    public string Code { get; set; } = "";

    [MaxLength(255)]
    public string Name { get; set; } = "";

    [MaxLength(4000)]
    public string? Description { get; set; }

    [Field("Salesforce", "IsActive")]
    public bool Active { get; set; }
}
