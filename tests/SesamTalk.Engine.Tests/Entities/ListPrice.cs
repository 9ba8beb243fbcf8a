namespace SesamTalk.Engine.Tests.Entities;

/// <summary>A gadget's price in a price book: a Salesforce PricebookEntry, with no match key of its own.</summary>
[SyncsWith("Salesforce", "PricebookEntry")]
public partial class ListPrice
{
    [SyncId]
    public string Id { get; set; } = "";

    [Field("Salesforce", "Pricebook2Id")]
    public string PricebookId { get; set; } = "";

    [References(typeof(Gadget))]
    [Field("Salesforce", "Product2Id")]
    public string GadgetId { get; set; } = "";

    [Field("Salesforce", "UnitPrice")]
    public decimal Price { get; set; }
}
