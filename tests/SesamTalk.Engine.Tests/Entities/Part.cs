namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Parts are Salesforce Product2 records made on either side, linked on the product code.</summary>
[SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.Both)]
public partial class Part
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    [Field("Salesforce", "ProductCode")]
    [System.ComponentModel.DataAnnotations.MaxLength(255)]
    public string Code { get; set; } = "";

    [System.ComponentModel.DataAnnotations.MaxLength(255)]
    public string Name { get; set; } = "";

    [System.ComponentModel.DataAnnotations.MaxLength(4000)]
    public string? Description { get; set; }

    [Field("Salesforce", "IsActive")]
    public bool Active { get; set; } = true;
}
