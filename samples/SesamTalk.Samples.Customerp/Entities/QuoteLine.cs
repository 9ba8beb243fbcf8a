using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Samples.Customerp;

/// <summary>A line of an ERP quote: a Salesforce quote line item.</summary>
[SyncsWith("Salesforce", "QuoteLineItem", Origin = SyncOrigin.Remote)]
public partial class QuoteLine
{
    /// <summary>The ERP's own id of the line.</summary>
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>The quote (Salesforce sets it on create only).</summary>
    [References(typeof(Quote))]
    [Field("Salesforce", "QuoteId", Direction = FieldDirection.FromRemote)]
    public string QuoteId { get; set; } = "";

    /// <summary>The product (Salesforce sets it on create only).</summary>
    [References(typeof(Product))]
    [Field("Salesforce", "Product2Id", Direction = FieldDirection.FromRemote)]
    public string ProductId { get; set; } = "";

    /// <summary>The line text.</summary>
    [MaxLength(255)]
    public string? Description { get; set; }

    /// <summary>How many.</summary>
    public decimal Quantity { get; set; }

    /// <summary>The price of one.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>The line discount in percent (Salesforce percent fields hold 12.5 for 12.5 %, as the ERP does).</summary>
    [Field("Salesforce", "Discount")]
    public decimal? DiscountPercent { get; set; }

    /// <summary>The line's place in the quote.</summary>
    [Field("Salesforce", "SortOrder")]
    public int? Position { get; set; }
}
