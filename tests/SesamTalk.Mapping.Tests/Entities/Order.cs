using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Mapping.Tests.Entities;

[SyncsWith("Salesforce", "Order")]
[SyncsWith("Salesforce", "Invoice", Origin = SyncOrigin.None)]
[SyncConstant("Salesforce", "Order", "Status", "Draft")]
public partial class Order
{
    [SyncId]
    public string Id { get; set; } = "";

    [Field("Salesforce", "OrderNumber", Type = "Order", Direction = FieldDirection.FromRemote)]
    [Field("Salesforce", "InvoiceNumber", Type = "Invoice")]
    [MaxLength(30)]
    public string Number { get; set; } = "";

    [References(typeof(Customer))]
    [Field("Salesforce", "AccountId", Type = "Order")]
    [Field("Salesforce", "BillingAccountId", Type = "Invoice")]
    public string? CustomerId { get; set; }

    [Field("Salesforce", "EffectiveDate", Type = "Order")]
    [Field("Salesforce", "InvoiceDate", Type = "Invoice")]
    public DateOnly OrderDate { get; set; }

    [Field("Salesforce", "Description", Conflict = ConflictRule.LocalWins)]
    [MaxLength(255)]
    public string? Notes { get; set; }

    [SyncChildren("Salesforce", "OrderItem", Field = "OrderItems", ParentField = "OrderId", ParentType = "Order")]
    [SyncChildren("Salesforce", "InvoiceLine", Field = "InvoiceLines", ParentField = "InvoiceId", ParentType = "Invoice")]
    public List<OrderLine> Lines { get; set; } = new();
}

[SyncsWith("Salesforce", "OrderItem")]
[SyncsWith("Salesforce", "InvoiceLine", Origin = SyncOrigin.None)]
public partial class OrderLine
{
    [SyncId]
    public long Id { get; set; }

    [References(typeof(Order))]
    [Field("Salesforce", "OrderId", Type = "OrderItem")]
    [Field("Salesforce", "InvoiceId", Type = "InvoiceLine", Direction = FieldDirection.FromRemote)]
    public string OrderId { get; set; } = "";

    [Field("Salesforce", "PricebookEntryId", Type = "OrderItem")]
    [SyncIgnore("Salesforce", Type = "InvoiceLine")]
    public string PricebookEntryId { get; set; } = "";

    [Field("Salesforce", "Product2Id")]
    [References(typeof(Product))]
    public string ProductId { get; set; } = "";

    public double Quantity { get; set; }

    [Field("Salesforce", "UnitPrice")]
    public decimal Price { get; set; }
}
