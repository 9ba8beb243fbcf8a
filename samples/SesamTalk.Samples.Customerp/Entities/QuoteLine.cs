namespace SesamTalk.Samples.Customerp;

/// <summary>A line of an ERP quote: a Salesforce quote line item.</summary>
[SyncsWith("Salesforce", "QuoteLineItem", Origin = SyncOrigin.Remote)]
public partial class QuoteLine : ErpLine
{
    /// <summary>The quote (Salesforce sets it on create only).</summary>
    [References(typeof(Quote))]
    [Field("Salesforce", "QuoteId", Direction = FieldDirection.FromRemote)]
    public string QuoteId { get; set; } = "";

    /// <summary>The line discount in percent (Salesforce percent fields hold 12.5 for 12.5 %, as the ERP does).</summary>
    [Field("Salesforce", "Discount")]
    public decimal? DiscountPercent { get; set; }

    /// <summary>The line's place in the quote.</summary>
    [Field("Salesforce", "SortOrder")]
    public int? Position { get; set; }
}
