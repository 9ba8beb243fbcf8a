using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Testing.Demo;

/// <summary>
/// The seed documents' demo: the records the remote systems hold before the sample hosts' first sync, the same on every
/// run. It lives with the emulators so that both the main job's embedded emulators and the standalone ones
/// (<c>tools/SesamTalk.Emulators --seed-demo</c>) hold it: what users typed into SuperOffice
/// (for the SuperOffice-to-webshop rows), into Salesforce (for the Salesforce-to-ERP rows) and into Customcrm. Some match
/// host records on their match keys (the same e-mail, product code or order number), the rest are new to the hosts.
/// </summary>
public static class RemoteDemoData
{
    // Numbers are typed as the fields are (double for currency and double fields, long for int fields): the emulators
    // convert seeded JSON nodes by their CLR type.

    /// <summary>The Salesforce Opportunity the demo quotes belong to (the emulator takes Opportunity ids on trust).</summary>
    private const string OpportunityId = "0060A0000000001";

    /// <summary>
    /// Seeds the org: two accounts, contacts, products with their entries in the org's standard price book (which every org,
    /// emulated ones too, has from the start), two orders with order products and a quote with line items.
    /// </summary>
    /// <param name="org">An emulated org with nothing but its standard price book.</param>
    public static void SeedSalesforce(SalesforceEmulator org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var pricebook = org.StandardPricebookId ?? throw new ArgumentException("The org shows no standard price book.", nameof(org));
        var fjordline = org.Seed("Account", new JsonObject { ["Name"] = "Fjordline Outdoor AS", ["AccountNumber"] = "10001", ["BillingCity"] = "Oslo" });
        var polder = org.Seed("Account", new JsonObject { ["Name"] = "Polder Fietsen B.V.", ["AccountNumber"] = "10002", ["BillingCity"] = "Amsterdam" });

        // Ingrid and Daan are in the ERP already (same e-mail); Mette is new to it.
        var ingrid = org.Seed("Contact", new JsonObject { ["AccountId"] = fjordline, ["FirstName"] = "Ingrid", ["LastName"] = "Solberg", ["Email"] = "ingrid.solberg@fjordline.example", ["Title"] = "Purchasing manager", ["Department"] = "Purchasing", ["MailingCity"] = "Oslo", ["MailingCountry"] = "Norway" });
        var daan = org.Seed("Contact", new JsonObject { ["AccountId"] = polder, ["FirstName"] = "Daan", ["LastName"] = "de Vries", ["Email"] = "daan@polderfietsen.example", ["MobilePhone"] = "+31 6 1234 5678", ["Title"] = "Owner", ["MailingCity"] = "Amsterdam", ["MailingCountry"] = "Netherlands" });
        org.Seed("Contact", new JsonObject { ["AccountId"] = fjordline, ["FirstName"] = "Mette", ["LastName"] = "Hansen", ["Email"] = "mette.hansen@fjordline.example", ["Phone"] = "+47 22 33 44 57", ["Title"] = "Warehouse lead", ["MailingCity"] = "Oslo", ["MailingCountry"] = "Norway" });

        // GC1020 and IN7040 are ERP items already (same product code); GC5000 is new to the ERP.
        var generator = Product(org, pricebook, "GC1020", "GenWatt diesel 10kW", "Generators", 15000.0);
        var installation = Product(org, pricebook, "IN7040", "Installation: industrial, high", "Services", 2500.0);
        var bigGenerator = Product(org, pricebook, "GC5000", "GenWatt diesel 50kW", "Generators", 52000.0);

        // Order numbers are auto numbers from 00000101: the first is the ERP's order 00000101, the second is new to it.
        var daansOrder = org.Seed("Order", new JsonObject { ["AccountId"] = polder, ["BillToContactId"] = daan, ["Pricebook2Id"] = pricebook, ["EffectiveDate"] = "2024-09-08", ["Status"] = "Draft", ["Description"] = "Call before delivery." });
        OrderItem(org, daansOrder, installation, 3.0, 2400.0);
        var ingridsOrder = org.Seed("Order", new JsonObject { ["AccountId"] = fjordline, ["BillToContactId"] = ingrid, ["Pricebook2Id"] = pricebook, ["EffectiveDate"] = "2024-09-20", ["EndDate"] = "2024-10-31", ["Status"] = "Draft", ["PoNumber"] = "PO-7802" });
        OrderItem(org, ingridsOrder, bigGenerator, 1.0, 52000.0);
        OrderItem(org, ingridsOrder, installation, 1.0, 2500.0);

        var quote = org.Seed("Quote", new JsonObject { ["Name"] = "Fjordline site power, phase 2", ["OpportunityId"] = OpportunityId, ["ContactId"] = ingrid, ["Pricebook2Id"] = pricebook, ["Status"] = "Draft", ["ExpirationDate"] = "2024-11-30", ["ShippingHandling"] = 900.0 });
        org.Seed("QuoteLineItem", new JsonObject { ["QuoteId"] = quote, ["PricebookEntryId"] = generator.Entry, ["Product2Id"] = generator.Product, ["Quantity"] = 2.0, ["UnitPrice"] = 15000.0, ["Discount"] = 5.0, ["SortOrder"] = 1L, ["Description"] = "GenWatt diesel 10kW" });
        org.Seed("QuoteLineItem", new JsonObject { ["QuoteId"] = quote, ["PricebookEntryId"] = installation.Entry, ["Product2Id"] = installation.Product, ["Quantity"] = 1.0, ["UnitPrice"] = 2500.0, ["SortOrder"] = 2L, ["Description"] = "Installation: industrial, high" });
    }

    /// <summary>
    /// Seeds the tenant: the webshop's customers that have orders (by their customer number, <c>Number1</c>) and a new
    /// company; a product the webshop has (by code) and a new one; the sales behind the webshop's orders WS-1001 and
    /// WS-1002 (by number), and a quote on the second whose alternative carries the order's number as its ERP key, with
    /// two quote lines. No sale is born in SuperOffice without an order: a sale has no lines, and Exact Online takes no
    /// quotation or sales order without lines.
    /// </summary>
    /// <param name="tenant">An empty emulated tenant.</param>
    public static void SeedSuperOffice(SuperOfficeEmulator tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var fjordline = tenant.Seed("Contact", new JsonObject { ["Name"] = "Fjordline Outdoor AS", ["Number1"] = "10001", ["Emails"] = Elements("orders@fjordline.example"), ["Country"] = 578 });
        var polder = tenant.Seed("Contact", new JsonObject { ["Name"] = "Polder Fietsen B.V.", ["Number1"] = "10002", ["Emails"] = Elements("inkoop@polderfietsen.example"), ["Country"] = 528 });
        tenant.Seed("Contact", new JsonObject { ["Name"] = "Highland Tools Ltd", ["Number1"] = "10003", ["Emails"] = Elements("buying@highlandtools.example"), ["Country"] = 826 });
        tenant.Seed("Contact", new JsonObject { ["Name"] = "Nordkapp Sport AS", ["Number1"] = "20001", ["OrgNr"] = "NO987654321MVA", ["Emails"] = Elements("innkjop@nordkappsport.example"), ["Phones"] = Elements("+47 78 47 00 00"), ["Country"] = 578 });

        tenant.Seed("Product", new JsonObject { ["Code"] = "HAM-16", ["Name"] = "Claw hammer 16 oz", ["UnitListPrice"] = 24.90, ["VAT"] = 21.0, ["QuantityUnit"] = "piece", ["InAssortment"] = true });
        tenant.Seed("Product", new JsonObject { ["Code"] = "AXE-08", ["Name"] = "Splitting axe 80 cm", ["UnitListPrice"] = 59.00, ["UnitCost"] = 27.50, ["VAT"] = 21.0, ["QuantityUnit"] = "piece", ["InAssortment"] = true });

        tenant.Seed("Sale", new JsonObject { ["Heading"] = "Autumn restock", ["Number"] = "WS-1001", ["Contact"] = fjordline, ["Saledate"] = "2024-09-02T00:00:00" });
        var quoted = tenant.Seed("Sale", new JsonObject { ["Heading"] = "Workshop tools", ["Number"] = "WS-1002", ["Contact"] = polder, ["Saledate"] = "2024-09-05T00:00:00", ["SaleText"] = "Deliver to the back entrance." });
        var alternative = tenant.Seed("QuoteAlternative", new JsonObject { ["QuoteVersionId"] = tenant.SeedQuoteVersion(quoted), ["ERPQuoteAlternativeKey"] = "WS-1002", ["Name"] = "Workshop tools", ["Description"] = "Saws, screws and hammers for the workshop." });
        tenant.Seed("QuoteLine", new JsonObject { ["QuoteAlternativeId"] = alternative, ["Code"] = "SAW-22", ["Name"] = "Hand saw 22 in", ["Quantity"] = 4.0, ["UnitListPrice"] = 32.50, ["VAT"] = 21.0, ["Rank"] = 1 });
        tenant.Seed("QuoteLine", new JsonObject { ["QuoteAlternativeId"] = alternative, ["Code"] = "AXE-08", ["Name"] = "Splitting axe 80 cm", ["Quantity"] = 2.0, ["UnitListPrice"] = 59.00, ["VAT"] = 21.0, ["Rank"] = 2 });
    }

    /// <summary>Seeds Customcrm with a customer the webshop has too (the same e-mail), typed in by a sales rep.</summary>
    /// <param name="crm">An empty emulated Customcrm.</param>
    public static void SeedCustomcrm(CustomSystemEmulator crm)
    {
        ArgumentNullException.ThrowIfNull(crm);
        crm.Seed("Customer", new JsonObject { ["CustomerNumber"] = "10002", ["Name"] = "Polder Fietsen B.V.", ["Email"] = "inkoop@polderfietsen.example", ["City"] = "Amsterdam", ["CountryCode"] = "NL", ["Active"] = true });
    }

    private static (string Product, string Entry) Product(SalesforceEmulator org, string pricebook, string code, string name, string family, double price)
    {
        var product = org.Seed("Product2", new JsonObject { ["ProductCode"] = code, ["Name"] = name, ["Family"] = family, ["QuantityUnitOfMeasure"] = "Each", ["IsActive"] = true });
        var entry = org.Seed("PricebookEntry", new JsonObject { ["Pricebook2Id"] = pricebook, ["Product2Id"] = product, ["UnitPrice"] = price, ["IsActive"] = true });
        return (product, entry);
    }

    private static void OrderItem(SalesforceEmulator org, string order, (string Product, string Entry) product, double quantity, double unitPrice) =>
        org.Seed("OrderItem", new JsonObject { ["OrderId"] = order, ["PricebookEntryId"] = product.Entry, ["Product2Id"] = product.Product, ["Quantity"] = quantity, ["UnitPrice"] = unitPrice });

    private static JsonArray Elements(string value) => [new JsonObject { ["Value"] = value }];
}
