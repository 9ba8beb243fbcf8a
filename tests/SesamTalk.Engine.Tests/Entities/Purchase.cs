namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Purchases create Salesforce Orders with their lines as OrderItems, in the org's standard price book.</summary>
[SyncsWith("Salesforce", "Order")]
[SyncConstant("Salesforce", "Order", "Status", "Draft")]
public partial class Purchase
{
    [SyncId]
    public string Id { get; set; } = "";

    [Field("Salesforce", "AccountId")]
    public string AccountId { get; set; } = "";

    [Field("Salesforce", "Pricebook2Id")]
    public string PricebookId { get; set; } = "";

    [Field("Salesforce", "EffectiveDate")]
    public DateOnly Date { get; set; }

    [SyncChildren("Salesforce", "OrderItem", Field = "OrderItems", ParentField = "OrderId", ParentType = "Order")]
    public List<PurchaseLine> Lines { get; set; } = [];
}

/// <summary>A purchase line: the price-book entry says which product; lines pair on it. A new item says it was added by sync.</summary>
[SyncsWith("Salesforce", "OrderItem")]
[SyncConstant("Salesforce", "OrderItem", "Description", "Added by sync")]
public partial class PurchaseLine
{
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>The order, by name; the connector fills it in from the order it writes the line under.</summary>
    [References(typeof(Purchase))]
    public string OrderId { get; set; } = "";

    [MatchKey]
    [Field("Salesforce", "PricebookEntryId")]
    public string EntryId { get; set; } = "";

    [Field("Salesforce", "Quantity")]
    public decimal Quantity { get; set; }

    [Field("Salesforce", "UnitPrice")]
    public decimal UnitPrice { get; set; }
}
