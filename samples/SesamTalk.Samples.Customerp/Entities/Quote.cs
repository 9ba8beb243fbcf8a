using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Samples.Customerp;

/// <summary>A quote in the ERP; Salesforce quotes (with their line items) create ERP quotes.</summary>
[SyncsWith("Salesforce", "Quote", Origin = SyncOrigin.Remote)]
public partial class Quote
{
    /// <summary>The ERP's own id.</summary>
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>Salesforce's quote number (system generated, so it only comes in); links quotes on first contact.</summary>
    [MatchKey]
    [Field("Salesforce", "QuoteNumber", Direction = FieldDirection.FromRemote)]
    public string? QuoteNumber { get; set; }

    /// <summary>The quote's name.</summary>
    [MaxLength(255)]
    public string Name { get; set; } = "";

    /// <summary>The contact the quote is for (Salesforce derives it, so it only comes in).</summary>
    [References(typeof(Contact))]
    [Field("Salesforce", "ContactId", Direction = FieldDirection.FromRemote)]
    public string? ContactId { get; set; }

    /// <summary>The status as Salesforce names it (Draft, Approved, Accepted, ...).</summary>
    [MaxLength(40)]
    public string? Status { get; set; }

    /// <summary>Until when the quote is valid.</summary>
    [Field("Salesforce", "ExpirationDate")]
    public DateOnly? ValidUntil { get; set; }

    /// <summary>Notes.</summary>
    [Field("Salesforce", "Description")]
    [MaxLength(32000)]
    public string? Notes { get; set; }

    /// <summary>The quote's phone number.</summary>
    [MaxLength(40)]
    public string? Phone { get; set; }

    /// <summary>Shipping and handling.</summary>
    [Field("Salesforce", "ShippingHandling")]
    public decimal? ShippingCost { get; set; }

    /// <summary>The tax amount.</summary>
    public decimal? Tax { get; set; }

    /// <summary>The total Salesforce computes from the line items.</summary>
    [Field("Salesforce", "GrandTotal", Direction = FieldDirection.FromRemote)]
    public decimal? Total { get; set; }

    /// <summary>The quote lines (Salesforce quote line items).</summary>
    [SyncChildren("Salesforce", "QuoteLineItem", Field = "QuoteLineItems", ParentField = "QuoteId")]
    public List<QuoteLine> Lines { get; set; } = [];
}
