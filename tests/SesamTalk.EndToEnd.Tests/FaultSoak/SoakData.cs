using System.Text.Json.Nodes;
using SesamTalk.Samples.Customerp.Storage;
using SesamTalk.Samples.Customwebshop.Storage;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.SuperOffice;
using Erp = SesamTalk.Samples.Customerp;
using Shop = SesamTalk.Samples.Customwebshop;

namespace SesamTalk.EndToEnd.Tests.FaultSoak;

/// <summary>
/// The soak's records, on top of the demo data: <c>count</c> of each kind born in each place that creates records
/// elsewhere (webshop customers, products and orders; SuperOffice companies and products; Salesforce contacts, products,
/// orders and quotes), and ERP records that match half of the Salesforce ones on their keys. Every key starts with
/// <c>SK</c>, orders and quotes have one to three lines.
/// </summary>
internal static class SoakData
{
    /// <summary>The Salesforce Opportunity the quotes belong to (the emulator takes Opportunity ids on trust).</summary>
    private const string OpportunityId = "0060A0000000002";

    public static void SeedSuperOffice(SuperOfficeEmulator tenant, int count)
    {
        for (var i = 0; i < count; i++)
        {
            tenant.Seed("Contact", new JsonObject { ["Name"] = $"SK Company {i:D4}", ["Number1"] = $"SK8{i:D5}", ["Emails"] = new JsonArray(new JsonObject { ["Value"] = $"so{i:D4}@soak.example" }), ["Country"] = 528 });
            tenant.Seed("Product", new JsonObject { ["Code"] = $"SK-S-{i:D4}", ["Name"] = $"SK SuperOffice product {i:D4}", ["UnitListPrice"] = 10.0 + (i % 40), ["VAT"] = 21.0, ["QuantityUnit"] = "piece", ["InAssortment"] = true });
        }
    }

    public static void SeedSalesforce(SalesforceEmulator org, int count)
    {
        var pricebook = (string)org.GetRecords("Pricebook2").Single(p => (bool?)p["IsStandard"] == true)["Id"]!;
        var account = org.Seed("Account", new JsonObject { ["Name"] = "SK Soak Holding", ["AccountNumber"] = "SK79999" });
        var products = new List<(string Product, string Entry, double Price)>();
        var contacts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            contacts.Add(org.Seed("Contact", new JsonObject { ["AccountId"] = account, ["FirstName"] = "Soak", ["LastName"] = $"Person {i:D4}", ["Email"] = $"sf{i:D4}@soak.example" }));
            var price = 100.0 + i;
            var product = org.Seed("Product2", new JsonObject { ["ProductCode"] = $"SK-F-{i:D4}", ["Name"] = $"SK Salesforce product {i:D4}", ["Family"] = "Soak", ["QuantityUnitOfMeasure"] = "Each", ["IsActive"] = true });
            var entry = org.Seed("PricebookEntry", new JsonObject { ["Pricebook2Id"] = pricebook, ["Product2Id"] = product, ["UnitPrice"] = price, ["IsActive"] = true });
            products.Add((product, entry, price));
        }

        for (var i = 0; i < count; i++)
        {
            var order = org.Seed("Order", new JsonObject { ["AccountId"] = account, ["BillToContactId"] = contacts[i], ["Pricebook2Id"] = pricebook, ["EffectiveDate"] = "2024-10-01", ["Status"] = "Draft", ["OrderReferenceNumber"] = $"SK-SFO-{i:D4}" });
            var quote = org.Seed("Quote", new JsonObject { ["Name"] = $"SK Quote {i:D4}", ["OpportunityId"] = OpportunityId, ["ContactId"] = contacts[i], ["Pricebook2Id"] = pricebook, ["Status"] = "Draft" });
            for (var line = 0; line < Lines(i); line++)
            {
                var (product, entry, price) = products[(i + line) % count];
                org.Seed("OrderItem", new JsonObject { ["OrderId"] = order, ["PricebookEntryId"] = entry, ["Product2Id"] = product, ["Quantity"] = 1.0 + line, ["UnitPrice"] = price });
                org.Seed("QuoteLineItem", new JsonObject { ["QuoteId"] = quote, ["PricebookEntryId"] = entry, ["Product2Id"] = product, ["Quantity"] = 1.0 + line, ["UnitPrice"] = price, ["SortOrder"] = (long)(line + 1) });
            }
        }
    }

    /// <summary>Webshop customers, products and orders, saved as the webshop's own code saves them.</summary>
    public static async Task SeedWebshopAsync(CustomwebshopDb db, int count, CancellationToken cancellationToken)
    {
        var customers = new List<Shop.Customer>();
        var products = new List<Shop.Product>();
        for (var i = 0; i < count; i++)
        {
            var customer = new Shop.Customer { CustomerNumber = $"SK7{i:D5}", Name = $"SK Customer {i:D4}", Email = $"ws{i:D4}@soak.example", City = "Utrecht", CountryCode = "NL" };
            customers.Add(customer);
            var product = new Shop.Product { Sku = $"SK-W-{i:D4}", Name = $"SK webshop product {i:D4}", Price = 5m + (i % 30), Cost = 2m, VatPercent = 21m, Unit = "piece" };
            products.Add(product);
        }

        db.Customers.AddRange(customers); // adding gives each its id, which the orders and lines refer to
        db.Products.AddRange(products);

        for (var i = 0; i < count; i++)
        {
            var order = new Shop.Order { Number = $"SK-O-{i:D4}", CustomerId = customers[i].Id, OrderDate = new DateOnly(2024, 10, 1), Description = $"SK order {i:D4}" };
            for (var line = 0; line < Lines(i); line++)
            {
                var product = products[(i + line) % count];
                order.Lines.Add(new Shop.OrderLine { Id = $"SK-O-{i:D4}-{line + 1}", ProductId = product.Id, Sku = product.Sku, Description = product.Name, Quantity = 1 + line, UnitPrice = product.Price, VatPercent = product.VatPercent, Position = line + 1 });
            }

            db.Orders.Add(order);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>ERP contacts and products that are in Salesforce too (every other one): the first sync links them on their keys.</summary>
    public static async Task SeedErpAsync(CustomerpDb db, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i += 2)
        {
            db.Contacts.Add(new Erp.Contact { FirstName = "Soak", LastName = $"Person {i:D4}", Email = $"sf{i:D4}@soak.example" });
            db.Products.Add(new Erp.Product { ItemNumber = $"SK-F-{i:D4}", Name = $"SK Salesforce product {i:D4}", Unit = "Each", Active = true });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static int Lines(int index) => 1 + (index % 3);
}
