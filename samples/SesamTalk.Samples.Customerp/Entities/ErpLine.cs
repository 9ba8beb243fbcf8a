using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Samples.Customerp;

/// <summary>
/// What every ERP document line has, whichever Salesforce line it syncs with (an order product or a quote line item):
/// the generator maps inherited public properties by name, so each line class adds only its document and its own fields.
/// </summary>
public abstract class ErpLine
{
    /// <summary>The ERP's own id of the line.</summary>
    [SyncId]
    public string Id { get; set; } = "";

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
}
