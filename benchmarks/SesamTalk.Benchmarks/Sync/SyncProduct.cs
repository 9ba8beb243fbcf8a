using System.ComponentModel.DataAnnotations;
using SesamTalk;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>A product synced both ways with Salesforce Product2 (new records on either side create the other's).</summary>
[SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.Both)]
public partial class SyncProduct : IBenchRecord
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
