using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using SesamTalk.Samples.Customwebshop.Converters;

namespace SesamTalk.Samples.Customwebshop;

/// <summary>
/// A product of the webshop. Products create Salesforce Product2 records (and their standard price book entries),
/// Customcrm Products and Exact Online Items; SuperOffice products create webshop products.
/// </summary>
/// <remarks>
/// Salesforce keeps prices in <c>PricebookEntry</c>, not on Product2, and order products reference the entry, so
/// the webshop also keeps each product's entry in the org's standard price book (no seed row of its own).
/// </remarks>
[SyncsWith("Salesforce", "Product2")]
[SyncsWith("Salesforce", "PricebookEntry")]
[SyncsWith("Customcrm", "Product")]
[SyncsWith("ExactOnline", "Items")]
[SyncsWith("SuperOffice", "Product", Origin = SyncOrigin.Remote)]
public partial class Product
{
    /// <summary>The webshop's own id.</summary>
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>The stock-keeping unit; links products that already exist on both sides.</summary>
    [MatchKey]
    [Field("Salesforce", "ProductCode"), Field("ExactOnline", "Code"), Field("SuperOffice", "Code")]
    [SyncIgnore("Salesforce", Type = "PricebookEntry")]
    [MaxLength(30)]
    public string Sku { get; set; } = "";

    /// <summary>The name; Exact keeps at most 60 characters in <c>Description</c>.</summary>
    [Field("ExactOnline", "Description")]
    [SyncIgnore("Salesforce", Type = "PricebookEntry")]
    [MaxLength(60)]
    public string Name { get; set; } = "";

    /// <summary>The long description.</summary>
    [Field("ExactOnline", "ExtraDescription")]
    [SyncIgnore("Salesforce", Type = "PricebookEntry")]
    [MaxLength(255)]
    public string? Description { get; set; }

    /// <summary>The list price: the standard price book entry's unit price in Salesforce.</summary>
    [Field("Salesforce", "UnitPrice", Type = "PricebookEntry")]
    [Field("ExactOnline", "StandardSalesPrice"), Field("SuperOffice", "UnitListPrice")]
    [SyncIgnore("Salesforce", Type = "Product2")]
    public decimal Price { get; set; }

    /// <summary>The cost price.</summary>
    [Field("ExactOnline", "CostPriceStandard"), Field("SuperOffice", "UnitCost")]
    [SyncIgnore("Salesforce")]
    public decimal? Cost { get; set; }

    /// <summary>The VAT rate in percent (21): SuperOffice's form; Exact keeps a VAT code.</summary>
    [Field("ExactOnline", "SalesVatCode", Converter = typeof(ExactVatCodeConverter))]
    [Field("SuperOffice", "VAT")]
    [SyncIgnore("Salesforce")]
    public decimal VatPercent { get; set; }

    /// <summary>The sales unit (piece, box).</summary>
    [Field("SuperOffice", "QuantityUnit")]
    [SyncIgnore("Salesforce")]
    [MaxLength(20)]
    public string? Unit { get; set; }

    /// <summary>Whether the product is sold (Exact's sales item flag, SuperOffice's assortment flag).</summary>
    [Field("Salesforce", "IsActive"), Field("ExactOnline", "IsSalesItem"), Field("SuperOffice", "InAssortment")]
    public bool Active { get; set; } = true;

    /// <summary>The org's standard price book, which holds the product's entry (see <see cref="SalesforceOrg"/>).</summary>
    [Field("Salesforce", "Pricebook2Id", Type = "PricebookEntry")]
    [SyncIgnore("Salesforce", Type = "Product2"), SyncIgnore("Customcrm"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A mapped property: the generated mapper reads it from the entity.")]
    public string SalesforcePricebookId => SalesforceOrg.StandardPricebookId;

    /// <summary>The product itself as a reference, for Salesforce <c>PricebookEntry.Product2Id</c>.</summary>
    [References(typeof(Product))]
    [Field("Salesforce", "Product2Id", Type = "PricebookEntry")]
    [SyncIgnore("Salesforce", Type = "Product2"), SyncIgnore("Customcrm"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    public string ProductReference => Id;
}
