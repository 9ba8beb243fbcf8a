using System.ComponentModel.DataAnnotations;
using SesamTalk.Samples.Customwebshop.Converters;

namespace SesamTalk.Samples.Customwebshop;

/// <summary>
/// A line of a webshop order: Salesforce order product, Customcrm order line, Exact quotation and sales order line,
/// and a SuperOffice quote line (which becomes a line of the order its quote alternative is linked to).
/// </summary>
[SyncsWith("Salesforce", "OrderItem")]
[SyncsWith("Customcrm", "OrderLine")]
[SyncsWith("ExactOnline", "QuotationLines")]
[SyncsWith("ExactOnline", "SalesOrderLines")]
[SyncsWith("SuperOffice", "QuoteLine", Origin = SyncOrigin.Remote)]
public partial class OrderLine
{
    /// <summary>The webshop's own id of the line.</summary>
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>The order the line belongs to.</summary>
    [References(typeof(Order))]
    [Field("ExactOnline", "QuotationID", Type = "QuotationLines"), Field("ExactOnline", "OrderID", Type = "SalesOrderLines")]
    [Field("SuperOffice", "QuoteAlternativeId", Direction = FieldDirection.FromRemote)]
    public string OrderId { get; set; } = "";

    /// <summary>The product ordered (SuperOffice lines carry the product's code instead, see <see cref="Sku"/>).</summary>
    [References(typeof(Product))]
    [Field("Salesforce", "Product2Id"), Field("ExactOnline", "Item")]
    [SyncIgnore("SuperOffice")]
    public string ProductId { get; set; } = "";

    /// <summary>
    /// The product again, for Salesforce <c>OrderItem.PricebookEntryId</c>: the engine translates it through the
    /// product's standard price book entry link.
    /// </summary>
    [References(typeof(Product))]
    [Field("Salesforce", "PricebookEntryId")]
    [SyncIgnore("Customcrm"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    public string PricebookEntryProductId => ProductId;

    /// <summary>The product's code as the line shows it; it tells a SuperOffice quote line's webshop line.</summary>
    [MatchKey(System = "SuperOffice")]
    [Field("SuperOffice", "Code")]
    [SyncIgnore("Salesforce"), SyncIgnore("ExactOnline")]
    [MaxLength(30)]
    public string? Sku { get; set; }

    /// <summary>The line text.</summary>
    [Field("SuperOffice", "Name")]
    [MaxLength(255)]
    public string? Description { get; set; }

    /// <summary>How many.</summary>
    public decimal Quantity { get; set; }

    /// <summary>The price of one, before the line discount (SuperOffice's list price).</summary>
    [Field("SuperOffice", "UnitListPrice")]
    public decimal UnitPrice { get; set; }

    /// <summary>The line discount in percent (12.5): SuperOffice's form; Exact keeps a fraction.</summary>
    [Field("ExactOnline", "Discount", Converter = typeof(PercentToFractionConverter))]
    [SyncIgnore("Salesforce")]
    public decimal DiscountPercent { get; set; }

    /// <summary>The VAT rate in percent (21): SuperOffice's form; Exact keeps a VAT code.</summary>
    [Field("ExactOnline", "VATCode", Converter = typeof(ExactVatCodeConverter))]
    [Field("SuperOffice", "VAT")]
    [SyncIgnore("Salesforce")]
    public decimal VatPercent { get; set; }

    /// <summary>The line's place in the order.</summary>
    [Field("SuperOffice", "Rank")]
    [SyncIgnore("Salesforce"), SyncIgnore("ExactOnline")]
    public int Position { get; set; }

    /// <summary>Quantity times unit price, less the discount.</summary>
    [SyncIgnore]
    public decimal Amount => Math.Round(Quantity * UnitPrice * (1m - (DiscountPercent / 100m)), 2);
}
