using System.ComponentModel.DataAnnotations;
using SesamTalk;

namespace SesamTalk.Samples.Webshop;

/// <summary>A product of the webshop; new products create Salesforce Product2 and Exact Online Items records.</summary>
[SyncsWith("Salesforce", "Product2")]
[SyncsWith("ExactOnline", "Items")]
public partial class Product
{
    /// <summary>The webshop's own id.</summary>
    [SyncId]
    public int Id { get; set; }

    /// <summary>The stock-keeping unit; links products that already exist on both sides.</summary>
    [MatchKey]
    [Field("Salesforce", "ProductCode"), Field("ExactOnline", "Code")]
    [MaxLength(30)]
    public string Sku { get; set; } = "";

    /// <summary>The name (Salesforce <c>Name</c> by name; Exact keeps it in <c>Description</c>).</summary>
    [Field("ExactOnline", "Description")]
    [MaxLength(60)]
    public string Name { get; set; } = "";

    /// <summary>The long description.</summary>
    [Field("Salesforce", "Description"), Field("ExactOnline", "ExtraDescription")]
    [MaxLength(255)]
    public string? LongDescription { get; set; }

    /// <summary>Whether the product is sold.</summary>
    [Field("Salesforce", "IsActive"), Field("ExactOnline", "IsSalesItem")]
    public bool OnSale { get; set; }

    /// <summary>The product family, a Salesforce picklist.</summary>
    [SyncIgnore("ExactOnline")]
    public ProductFamily Family { get; set; }

    /// <summary>The list price. Salesforce keeps prices in PricebookEntry, not on Product2.</summary>
    [SyncIgnore("Salesforce")]
    [Field("ExactOnline", "StandardSalesPrice")]
    public decimal Price { get; set; }
}

/// <summary>Product families as the Salesforce org's picklist names them.</summary>
public enum ProductFamily
{
    /// <summary>No family.</summary>
    None,

    /// <summary>Tools and hardware.</summary>
    [PicklistValue("Hardware & Tools")]
    Hardware,

    /// <summary>Software licences.</summary>
    Software,
}
