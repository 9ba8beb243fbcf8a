using System.Text.Json.Nodes;
using static SesamTalk.EndToEnd.Tests.RoundTrips.Converted;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>
/// The round trip of every seed row, one entry per row. The target edits (and the source edits) of all rows are made
/// together in one demo, so no two entries of a kind edit the same field of the same record, in any system: an edit
/// travels on to every system its record syncs with.
/// </summary>
internal static class RowRoundTrips
{
    private const string Webshop = "Customwebshop";
    private const string Erp = "Customerp";

    public static IReadOnlyList<RowRoundTrip> All { get; } =
    [
        new("Customwebshop Customer to Salesforce Division",
            Born.InWebshop(db => db.Customers, c => c.CustomerNumber == "10004"), SyncLinkProvenance.CreatedBySync,
            [Map("Name", "Name"), Map("Active", "IsActive")],
            TargetEdit: Edit("IsActive", true, "Active", "true"),
            SourceEdit: Edit("Name", "Skärgård Marin Aktiebolag", "Name", "Skärgård Marin Aktiebolag")),

        // Salesforce Billing generates the invoice from the order's Salesforce Order; the API cannot create one.
        new("Customwebshop Order to Salesforce Invoice",
            Born.InWebshop(db => db.Orders, o => o.Number == "WS-1002"), SyncLinkProvenance.MatchedOnKey,
            [
                Map("InvoicedOrderId", "ReferenceEntityId", LinkedRemoteId(Webshop, "Order", "Salesforce", "Order")),
                Map("CustomerId", "BillingAccountId", LinkedRemoteId(Webshop, "Customer", "Salesforce", "Account")),
                Map("InvoiceNumber", "InvoiceNumber"), Map("InvoiceDate", "InvoiceDate"), Map("PaymentDueDate", "DueDate"),
            ],
            TargetEdit: Edit("Description", "Billed to the Amsterdam office.", "Notes", "Billed to the Amsterdam office."),
            SourceEdit: Edit("Notes", "Deliver to the side entrance.", "Description", "Deliver to the side entrance.")),

        new("Customwebshop Order to Salesforce Order",
            Born.InWebshop(db => db.Orders, o => o.Number == "WS-1003"), SyncLinkProvenance.CreatedBySync,
            [Map("Number", "OrderReferenceNumber"), Map("OrderDate", "EffectiveDate"), Map("CustomerId", "AccountId", LinkedRemoteId(Webshop, "Customer", "Salesforce", "Account"))],
            TargetEdit: Edit("ShippingCity", "Glasgow", "ShippingCity", "Glasgow"),
            SourceEdit: Edit("Description", "Screws for the Edinburgh shop", "Name", "Screws for the Edinburgh shop")),

        new("Customwebshop Product to Salesforce Product2",
            Born.InWebshop(db => db.Products, p => p.Sku == "MAP-NO"), SyncLinkProvenance.CreatedBySync,
            [Map("Sku", "ProductCode"), Map("Name", "Name"), Map("Active", "IsActive")],
            TargetEdit: Edit("Description", "Waterproof, 1:50 000.", "Description", "Waterproof, 1:50 000."),
            SourceEdit: Edit("Name", "Hiking map Jotunheimen, 2024", "Name", "Hiking map Jotunheimen, 2024")),

        new("Salesforce Contact to Customerp Contact",
            Born.InSalesforce(c => (string?)c["Email"] == "mette.hansen@fjordline.example"), SyncLinkProvenance.CreatedBySync,
            [Map("LastName", "LastName"), Map("Email", "Email"), Map("Phone", "Phone"), Map("Title", "Title")],
            TargetEdit: Edit("Department", "Warehouse", "Department", "Warehouse"),
            SourceEdit: Edit("Title", "Head of warehouse", "Title", "Head of warehouse")),

        new("Salesforce Order to Customerp Order",
            Born.InSalesforce(o => (string?)o["OrderNumber"] == "00000102"), SyncLinkProvenance.CreatedBySync,
            [
                Map("OrderNumber", "OrderNumber"), Map("EffectiveDate", "OrderDate"), Map("EndDate", "DeliveryDate"), Map("PoNumber", "CustomerReference"),
                Map("BillToContactId", "BillToContactId", LinkedHostId(Erp, "Contact", "Salesforce", "Contact")),
            ],
            TargetEdit: Edit("CustomerReference", "PO-7802-B", "PoNumber", "PO-7802-B"),
            SourceEdit: Edit("Description", "Deliver to gate 3.", "Notes", "Deliver to gate 3.")),

        new("Salesforce Product2 to Customerp Product",
            Born.InSalesforce(p => (string?)p["ProductCode"] == "GC5000"), SyncLinkProvenance.CreatedBySync,
            [Map("ProductCode", "ItemNumber"), Map("Name", "Name"), Map("Family", "ProductGroup"), Map("QuantityUnitOfMeasure", "Unit")],
            TargetEdit: Edit("Description", "Diesel generator, 50 kW.", "Description", "Diesel generator, 50 kW."),
            SourceEdit: Edit("Name", "GenWatt diesel 50kW, stage V", "Name", "GenWatt diesel 50kW, stage V")),

        new("Salesforce Quote to Customerp Quote",
            Born.InSalesforce(q => (string?)q["Name"] == "Fjordline site power, phase 2"), SyncLinkProvenance.CreatedBySync,
            [
                Map("QuoteNumber", "QuoteNumber"), Map("Name", "Name"), Map("ExpirationDate", "ValidUntil"), Map("ShippingHandling", "ShippingCost"),
                Map("ContactId", "ContactId", LinkedHostId(Erp, "Contact", "Salesforce", "Contact")),
            ],
            TargetEdit: Edit("Notes", "Includes commissioning.", "Description", "Includes commissioning."),
            SourceEdit: Edit("ExpirationDate", "2024-12-15", "ValidUntil", "2024-12-15")),

        new("Customwebshop Customer to Customcrm Customer",
            Born.InWebshop(db => db.Customers, c => c.CustomerNumber == "10003"), SyncLinkProvenance.CreatedBySync,
            [Map("CustomerNumber", "CustomerNumber"), Map("Name", "Name"), Map("Email", "Email"), Map("CountryCode", "CountryCode")],
            TargetEdit: Edit("Phone", "+44 131 496 0101", "Phone", "+44 131 496 0101"),
            SourceEdit: Edit("City", "Glasgow", "City", "Glasgow")),

        new("Customwebshop Order to Customcrm Order",
            Born.InWebshop(db => db.Orders, o => o.Number == "WS-1003"), SyncLinkProvenance.CreatedBySync,
            [
                Map("Number", "Number"), Map("Status", "Status"), Map("Currency", "Currency"),
                Map("CustomerId", "CustomerId", LinkedRemoteId(Webshop, "Customer", "Customcrm", "Customer")),
                Map("Lines[0].Sku", "Lines[0].fields.Sku"), Map("Lines[0].Quantity", "Lines[0].fields.Quantity"),
            ],
            TargetEdit: Edit("DeliveryDate", "2024-09-20", "DeliveryDate", "2024-09-20"),
            SourceEdit: Edit("Status", "Cancelled", "Status", "Cancelled")),

        new("Customwebshop Product to Customcrm Product",
            Born.InWebshop(db => db.Products, p => p.Sku == "OLD-01"), SyncLinkProvenance.CreatedBySync,
            [Map("Sku", "Sku"), Map("Price", "Price"), Map("VatPercent", "VatPercent"), Map("Active", "Active")],
            TargetEdit: Edit("Cost", 4.25, "Cost", "4.25"),
            SourceEdit: Edit("Price", 8.75, "Price", "8.75")),

        new("SuperOffice Contact to Customwebshop Customer",
            Born.InSuperOffice(c => (string?)c["Number1"] == "20001"), SyncLinkProvenance.CreatedBySync,
            [Map("Number1", "CustomerNumber"), Map("Name", "Name"), Map("Emails[0].Value", "Email"), Map("Country", "CountryCode", SuperOfficeCountryAsIso), Map("OrgNr", "VatNumber")],
            TargetEdit: Edit("Website", "https://nordkappsport.example", "Urls[0].Value", "https://nordkappsport.example"),
            SourceEdit: Edit("Country", 752, "CountryCode", "SE")),

        new("SuperOffice Quotealternative to Customwebshop Order",
            Born.InSuperOffice(a => (string?)a["ERPQuoteAlternativeKey"] == "WS-1002"), SyncLinkProvenance.MatchedOnKey,
            [Map("ERPQuoteAlternativeKey", "Number"), Map("Name", "Description"), Map("DiscountPercent", "DiscountPercent")],
            TargetEdit: Edit("DiscountPercent", 5, "DiscountPercent", "5"),
            SourceEdit: Edit("Name", "Workshop tools, phase 2", "Description", "Workshop tools, phase 2")),

        new("SuperOffice Quoteline to Customwebshop Order",
            Born.AsSuperOfficeQuoteLine("AXE-08"), SyncLinkProvenance.MatchedOnKey,
            [
                Map("Code", "Lines[Sku=AXE-08].Sku"), Map("Name", "Lines[Sku=AXE-08].Description"), Map("Quantity", "Lines[Sku=AXE-08].Quantity"),
                Map("UnitListPrice", "Lines[Sku=AXE-08].UnitPrice"), Map("VAT", "Lines[Sku=AXE-08].VatPercent"),
            ],
            TargetEdit: Edit("Lines[Sku=AXE-08].Quantity", 3, "Quantity", "3"),
            SourceEdit: Edit("Quantity", 6.0, "Lines[Sku=AXE-08].Quantity", "6")),

        new("SuperOffice Sale to Customwebshop Order",
            Born.InSuperOffice(s => (string?)s["Number"] == "WS-1001"), SyncLinkProvenance.MatchedOnKey,
            [
                Map("Number", "Number"), Map("Heading", "Description"), Map("Saledate", "OrderDate", DatePart), Map("Status", "Status"),
                Map("Contact", "CustomerId", LinkedHostId(Webshop, "Customer", "SuperOffice", "Contact")),
            ],
            TargetEdit: Edit("Notes", "Ring the bell twice.", "SaleText", "Ring the bell twice."),
            SourceEdit: Edit("Status", "Sold", "Status", "Confirmed")),

        new("SuperOffice Product to Customwebshop Product",
            Born.InSuperOffice(p => (string?)p["Code"] == "AXE-08"), SyncLinkProvenance.CreatedBySync,
            [Map("Code", "Sku"), Map("Name", "Name"), Map("UnitListPrice", "Price"), Map("UnitCost", "Cost"), Map("VAT", "VatPercent"), Map("InAssortment", "Active")],
            TargetEdit: Edit("Cost", 28.0, "UnitCost", "28"),
            SourceEdit: Edit("UnitListPrice", 62.0, "Price", "62")),

        new("CustomWebshop Order to ExactOnline Quotations",
            Born.InWebshop(db => db.Orders, o => o.Number == "WS-1003"), SyncLinkProvenance.CreatedBySync,
            [
                Map("Number", "YourRef"), Map("Currency", "Currency"), Map("OrderDate", "QuotationDate", ExactDate),
                Map("CustomerId", "OrderAccount", LinkedRemoteId(Webshop, "Customer", "ExactOnline", "Accounts")),
            ],
            TargetEdit: Edit("Remarks", "Valid for 30 days.", "Notes", "Valid for 30 days."),
            SourceEdit: Edit("ValidUntil", "2024-10-10", "DueDate", ExactDateOf("2024-10-10"))),

        new("CustomWebshop Customer to ExactOnline Accounts",
            Born.InWebshop(db => db.Customers, c => c.CustomerNumber == "10002"), SyncLinkProvenance.CreatedBySync,
            [Map("CustomerNumber", "Code", ExactAccountCode), Map("Name", "Name"), Map("DiscountPercent", "DiscountSales", PercentAsFraction), Map("CountryCode", "Country")],
            TargetEdit: Edit("DiscountSales", 0.2, "DiscountPercent", "20"),
            SourceEdit: Edit("VatNumber", "NL812345678B02", "VATNumber", "NL812345678B02")),

        new("CustomWebshop Order to ExactOnline Salesorders",
            Born.InWebshop(db => db.Orders, o => o.Number == "WS-1001"), SyncLinkProvenance.CreatedBySync,
            [
                Map("Number", "YourRef"), Map("DeliveryDate", "DeliveryDate", ExactDate),
                Map("CustomerId", "OrderedBy", LinkedRemoteId(Webshop, "Customer", "ExactOnline", "Accounts")),
            ],
            TargetEdit: Edit("DeliveryDate", "2024-09-16", "DeliveryDate", "2024-09-16"),
            SourceEdit: Edit("Description", "Autumn restock, part 2", "Description", "Autumn restock, part 2")),

        new("CustomWebshop Product to ExactOnline Items",
            Born.InWebshop(db => db.Products, p => p.Sku == "SCR-100"), SyncLinkProvenance.CreatedBySync,
            [Map("Sku", "Code"), Map("Name", "Description"), Map("Price", "StandardSalesPrice"), Map("VatPercent", "SalesVatCode", ExactVatCode)],
            TargetEdit: Edit("ExtraDescription", "Zinc plated, pozidriv.", "Description", "Zinc plated, pozidriv."),
            SourceEdit: Edit("VatPercent", 9, "SalesVatCode", "2")),
    ];

    private static MappedField Map(string source, string target, Conversion? convert = null) => new(source, target, convert);

    private static FieldEdit Edit(string field, string value, string arrivesAs, string expected) => new(field, JsonValue.Create(value), arrivesAs, expected);

    private static FieldEdit Edit(string field, double value, string arrivesAs, string expected) => new(field, JsonValue.Create(value), arrivesAs, expected);

    private static FieldEdit Edit(string field, int value, string arrivesAs, string expected) => new(field, JsonValue.Create(value), arrivesAs, expected);

    private static FieldEdit Edit(string field, bool value, string arrivesAs, string expected) => new(field, JsonValue.Create(value), arrivesAs, expected);
}
