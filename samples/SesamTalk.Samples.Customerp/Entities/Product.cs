using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Samples.Customerp;

/// <summary>An item in the ERP; Salesforce products (Product2) create ERP items.</summary>
[SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.Remote)]
public partial class Product
{
    /// <summary>The ERP's own id.</summary>
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>The ERP's item number: Salesforce's product code; links products that exist on both sides.</summary>
    [MatchKey]
    [Field("Salesforce", "ProductCode")]
    [MaxLength(40)]
    public string ItemNumber { get; set; } = "";

    /// <summary>The name.</summary>
    [MaxLength(255)]
    public string Name { get; set; } = "";

    /// <summary>The description.</summary>
    [MaxLength(4000)]
    public string? Description { get; set; }

    /// <summary>The product group (Salesforce's product family picklist).</summary>
    [Field("Salesforce", "Family")]
    [MaxLength(40)]
    public string? ProductGroup { get; set; }

    /// <summary>The stock-keeping unit.</summary>
    [Field("Salesforce", "StockKeepingUnit")]
    [MaxLength(180)]
    public string? Sku { get; set; }

    /// <summary>The unit of measure.</summary>
    [Field("Salesforce", "QuantityUnitOfMeasure")]
    [MaxLength(40)]
    public string? Unit { get; set; }

    /// <summary>Whether the item is sold.</summary>
    [Field("Salesforce", "IsActive")]
    public bool Active { get; set; }
}
