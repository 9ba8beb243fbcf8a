namespace SesamTalk.Engine.Tests.Entities;

/// <summary>
/// Devices go to two Salesforce orgs, each registered under its own name: the home org (<c>Salesforce</c>) and the EU
/// org (<c>SalesforceEU</c>, checked against its own catalog, <c>SalesforceEU.catalog.json</c>); one flow per org.
/// </summary>
[SyncsWith("Salesforce", "Product2")]
[SyncsWith("SalesforceEU", "Product2")]
public partial class Device
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    [Field("Salesforce", "ProductCode")]
    [Field("SalesforceEU", "ProductCode")]
    [System.ComponentModel.DataAnnotations.MaxLength(255)]
    public string Code { get; set; } = "";

    [System.ComponentModel.DataAnnotations.MaxLength(255)]
    public string Name { get; set; } = "";
}
