using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Samples.Customerp;

/// <summary>A line of an ERP order: a Salesforce order product.</summary>
[SyncsWith("Salesforce", "OrderItem", Origin = SyncOrigin.Remote)]
public partial class OrderLine
{
    /// <summary>The ERP's own id of the line.</summary>
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>The order (Salesforce sets it on create only).</summary>
    [References(typeof(Order))]
    [Field("Salesforce", "OrderId", Direction = FieldDirection.FromRemote)]
    public string OrderId { get; set; } = "";

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

    /// <summary>The service (delivery) date.</summary>
    public DateOnly? ServiceDate { get; set; }
}
