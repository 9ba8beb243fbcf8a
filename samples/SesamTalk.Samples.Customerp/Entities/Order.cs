using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Samples.Customerp;

/// <summary>A sales order in the ERP; Salesforce orders (with their order products) create ERP orders.</summary>
[SyncsWith("Salesforce", "Order", Origin = SyncOrigin.Remote)]
public partial class Order
{
    /// <summary>The ERP's own id.</summary>
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>Salesforce's order number (an auto number, so it only comes in); links orders on first contact.</summary>
    [MatchKey]
    [Field("Salesforce", "OrderNumber", Direction = FieldDirection.FromRemote)]
    public string? OrderNumber { get; set; }

    /// <summary>The contact the order is billed to.</summary>
    [References(typeof(Contact))]
    [Field("Salesforce", "BillToContactId")]
    public string? BillToContactId { get; set; }

    /// <summary>The order date (Salesforce's order start date).</summary>
    [Field("Salesforce", "EffectiveDate")]
    public DateOnly OrderDate { get; set; }

    /// <summary>The requested end (delivery) date.</summary>
    [Field("Salesforce", "EndDate")]
    public DateOnly? DeliveryDate { get; set; }

    /// <summary>The order status as Salesforce names it (Draft, Activated).</summary>
    [MaxLength(100)]
    public string Status { get; set; } = "Draft";

    /// <summary>The customer's purchase order number.</summary>
    [Field("Salesforce", "PoNumber")]
    [MaxLength(80)]
    public string? CustomerReference { get; set; }

    /// <summary>Notes.</summary>
    [Field("Salesforce", "Description")]
    [MaxLength(32000)]
    public string? Notes { get; set; }

    /// <summary>The delivery street.</summary>
    [MaxLength(255)]
    public string? ShippingStreet { get; set; }

    /// <summary>The delivery postal code.</summary>
    [MaxLength(20)]
    public string? ShippingPostalCode { get; set; }

    /// <summary>The delivery city.</summary>
    [MaxLength(40)]
    public string? ShippingCity { get; set; }

    /// <summary>The delivery country.</summary>
    [MaxLength(80)]
    public string? ShippingCountry { get; set; }

    /// <summary>The total Salesforce computes from the order products.</summary>
    [Field("Salesforce", "TotalAmount", Direction = FieldDirection.FromRemote)]
    public decimal? Total { get; set; }

    /// <summary>The order lines (Salesforce order products).</summary>
    [SyncChildren("Salesforce", "OrderItem", Field = "OrderItems", ParentField = "OrderId")]
    public List<OrderLine> Lines { get; set; } = [];
}
