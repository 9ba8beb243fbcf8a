namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Gadgets create Salesforce Product2 records, linked on the product code.</summary>
[SyncsWith("Salesforce", "Product2")]
public partial class Gadget
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    [Field("Salesforce", "ProductCode")]
    [System.ComponentModel.DataAnnotations.MaxLength(255)]
    public string Code { get; set; } = "";

    [System.ComponentModel.DataAnnotations.MaxLength(255)]
    public string Name { get; set; } = "";

    [Field("Salesforce", "IsActive")]
    public bool Active { get; set; } = true;
}
