using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using SesamTalk.Samples.Customwebshop.Converters;

namespace SesamTalk.Samples.Customwebshop;

/// <summary>
/// An order of the webshop with its lines. Orders create Salesforce Orders, Customcrm Orders and Exact Online
/// Quotations and SalesOrders; SuperOffice quote alternatives (with their quote lines) and sales create orders.
/// </summary>
/// <remarks>
/// Salesforce's standard <c>Invoice</c> cannot be created through the API (Salesforce Billing generates it from an
/// Order), so that flow never creates (<see cref="SyncOrigin.None"/>): an invoice links to the webshop order whose
/// Salesforce Order it was generated from (<c>Invoice.ReferenceEntityId</c>, see <see cref="InvoicedOrderId"/>), the
/// invoice's own number and dates come back to the order, and the updatable fields the webshop owns (billing account,
/// notes) go out. Invoice lines are generated with the invoice and are not synced.
/// </remarks>
[SyncsWith("Salesforce", "Order")]
[SyncsWith("Salesforce", "Invoice", Origin = SyncOrigin.None)] // after Order: an invoice is found through the order's link
[SyncsWith("Customcrm", "Order")]
[SyncsWith("ExactOnline", "Quotations")]
[SyncsWith("ExactOnline", "SalesOrders")]
[SyncsWith("SuperOffice", "QuoteAlternative", Origin = SyncOrigin.Remote)]
[SyncsWith("SuperOffice", "Sale", Origin = SyncOrigin.Remote)]
[SyncConstant("Salesforce", "Order", "Status", "Draft")]
public partial class Order
{
    /// <summary>The webshop's own id.</summary>
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>
    /// The webshop's order number; the other systems keep it as the customer's reference, and a SuperOffice quote
    /// alternative as its ERP key (<c>ERPQuoteAlternativeKey</c>, SuperOffice's own link to the order in the ERP).
    /// </summary>
    [MatchKey(System = "Salesforce", Type = "Order"), MatchKey(System = "Customcrm"), MatchKey(System = "ExactOnline"), MatchKey(System = "SuperOffice")]
    [Field("Salesforce", "OrderReferenceNumber"), Field("ExactOnline", "YourRef"), Field("SuperOffice", "ERPQuoteAlternativeKey", Type = "QuoteAlternative")]
    [SyncIgnore("Salesforce", Type = "Invoice")]
    [MaxLength(80)]
    public string Number { get; set; } = "";

    /// <summary>The customer who ordered: Salesforce's account, Exact's ordering account, SuperOffice's company.</summary>
    [References(typeof(Customer))]
    [Field("Salesforce", "AccountId", Type = "Order"), Field("Salesforce", "BillingAccountId", Type = "Invoice")]
    [Field("ExactOnline", "OrderAccount", Type = "Quotations"), Field("ExactOnline", "OrderedBy", Type = "SalesOrders")]
    [Field("SuperOffice", "Contact", Type = "Sale")]
    [SyncIgnore("SuperOffice", Type = "QuoteAlternative")]
    public string CustomerId { get; set; } = "";

    /// <summary>The order date (Salesforce's order start date).</summary>
    [Field("Salesforce", "EffectiveDate", Type = "Order")]
    [Field("ExactOnline", "QuotationDate", Type = "Quotations")]
    [Field("SuperOffice", "Saledate", Type = "Sale")]
    [SyncIgnore("Salesforce", Type = "Invoice"), SyncIgnore("SuperOffice", Type = "QuoteAlternative")]
    public DateOnly OrderDate { get; set; }

    /// <summary>A short title of the order (SuperOffice's sale heading, the quote alternative's name).</summary>
    [Field("Salesforce", "Name", Type = "Order")]
    [Field("SuperOffice", "Heading", Type = "Sale"), Field("SuperOffice", "Name", Type = "QuoteAlternative")]
    [SyncIgnore("Salesforce", Type = "Invoice")]
    [MaxLength(80)]
    public string? Description { get; set; }

    /// <summary>Free-text notes.</summary>
    [Field("ExactOnline", "Remarks"), Field("SuperOffice", "SaleText", Type = "Sale"), Field("SuperOffice", "Description", Type = "QuoteAlternative")]
    [Field("Salesforce", "Description")]
    [MaxLength(255)]
    public string? Notes { get; set; }

    /// <summary>Where the order stands; SuperOffice owns it for orders born as sales.</summary>
    [Field("SuperOffice", "Status", Type = "Sale", Direction = FieldDirection.FromRemote, Converter = typeof(SaleStatusConverter))]
    [SyncIgnore("Salesforce"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice", Type = "QuoteAlternative")]
    public OrderStatus Status { get; set; }

    /// <summary>The ISO 4217 currency code.</summary>
    [SyncIgnore("Salesforce"), SyncIgnore("SuperOffice")]
    [MaxLength(3)]
    public string Currency { get; set; } = "EUR";

    /// <summary>A discount on the whole order in percent (SuperOffice's alternative discount is in percent as well).</summary>
    [SyncIgnore("Salesforce"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice", Type = "Sale")]
    public decimal DiscountPercent { get; set; }

    /// <summary>The quotation's validity (Exact's quotation due date).</summary>
    [Field("ExactOnline", "DueDate", Type = "Quotations")]
    [SyncIgnore("Salesforce"), SyncIgnore("ExactOnline", Type = "SalesOrders"), SyncIgnore("SuperOffice")]
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The requested delivery date.</summary>
    [SyncIgnore("Salesforce"), SyncIgnore("ExactOnline", Type = "Quotations"), SyncIgnore("SuperOffice")]
    public DateOnly? DeliveryDate { get; set; }

    /// <summary>The delivery street.</summary>
    [Field("Salesforce", "ShippingStreet", Type = "Order")]
    [SyncIgnore("Salesforce", Type = "Invoice"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    [MaxLength(255)]
    public string? ShippingStreet { get; set; }

    /// <summary>The delivery postal code.</summary>
    [Field("Salesforce", "ShippingPostalCode", Type = "Order")]
    [SyncIgnore("Salesforce", Type = "Invoice"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    [MaxLength(20)]
    public string? ShippingPostalCode { get; set; }

    /// <summary>The delivery city.</summary>
    [Field("Salesforce", "ShippingCity", Type = "Order")]
    [SyncIgnore("Salesforce", Type = "Invoice"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    [MaxLength(40)]
    public string? ShippingCity { get; set; }

    /// <summary>The delivery country (ISO 3166-1 alpha-2).</summary>
    [Field("Salesforce", "ShippingCountry", Type = "Order")]
    [SyncIgnore("Salesforce", Type = "Invoice"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    [MaxLength(2)]
    public string? ShippingCountryCode { get; set; }

    /// <summary>
    /// The order itself as a reference, for Salesforce Invoice <c>ReferenceEntityId</c>: the engine translates it to
    /// the Salesforce Order this order is linked to, which is how an invoice generated from that order is found.
    /// </summary>
    [References(typeof(Order))]
    [MatchKey(System = "Salesforce", Type = "Invoice")]
    [Field("Salesforce", "ReferenceEntityId", Type = "Invoice")]
    [SyncIgnore("Salesforce", Type = "Order"), SyncIgnore("Customcrm"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    public string InvoicedOrderId => Id;

    /// <summary>The invoice's number, given by Salesforce Billing.</summary>
    [Field("Salesforce", "InvoiceNumber", Type = "Invoice", Direction = FieldDirection.FromRemote)]
    [SyncIgnore("Salesforce", Type = "Order"), SyncIgnore("Customcrm"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    public string? InvoiceNumber { get; set; }

    /// <summary>The invoice date.</summary>
    [Field("Salesforce", "InvoiceDate", Type = "Invoice", Direction = FieldDirection.FromRemote)]
    [SyncIgnore("Salesforce", Type = "Order"), SyncIgnore("Customcrm"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    public DateOnly? InvoiceDate { get; set; }

    /// <summary>When the invoice is due.</summary>
    [Field("Salesforce", "DueDate", Type = "Invoice", Direction = FieldDirection.FromRemote)]
    [SyncIgnore("Salesforce", Type = "Order"), SyncIgnore("Customcrm"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    public DateOnly? PaymentDueDate { get; set; }

    /// <summary>The org's standard price book, which the order's products are priced from (see <see cref="SalesforceOrg"/>).</summary>
    [Field("Salesforce", "Pricebook2Id", Type = "Order")]
    [SyncIgnore("Salesforce", Type = "Invoice"), SyncIgnore("Customcrm"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A mapped property: the generated mapper reads it from the entity.")]
    public string SalesforcePricebookId => SalesforceOrg.StandardPricebookId;

    /// <summary>The order total after line discounts (computed, so it only travels out).</summary>
    [SyncIgnore("Salesforce"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    public decimal Total => Lines.Sum(line => line.Amount);

    /// <summary>The order lines.</summary>
    [SyncChildren("Salesforce", "OrderItem", Field = "OrderItems", ParentField = "OrderId", ParentType = "Order")]
    [SyncChildren("Customcrm", "OrderLine", Field = "Lines", ParentField = "OrderId")]
    [SyncChildren("ExactOnline", "QuotationLines", Field = "QuotationLines", ParentField = "QuotationID", ParentType = "Quotations")]
    [SyncChildren("ExactOnline", "SalesOrderLines", Field = "SalesOrderLines", ParentField = "OrderID", ParentType = "SalesOrders")]
    [SyncChildren("SuperOffice", "QuoteLine", Field = "QuoteLines", ParentField = "QuoteAlternativeId", ParentType = "QuoteAlternative")]
    public List<OrderLine> Lines { get; set; } = [];
}
