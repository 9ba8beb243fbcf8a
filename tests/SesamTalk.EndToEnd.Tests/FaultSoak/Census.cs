using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using SesamTalk.Samples.SyncJob.Hosts;
using SesamTalk.Samples.SyncJob.Remote;

namespace SesamTalk.EndToEnd.Tests.FaultSoak;

/// <summary>One record as the census counts it: its natural key and, for orders and quotes, its number of lines.</summary>
/// <param name="Key">The key the systems match it on (customer number, SKU, order number, e-mail, name).</param>
/// <param name="Lines">The lines it holds, or null for a record without lines.</param>
internal sealed record Entry(string Key, int? Lines = null);

/// <summary>
/// Every live record of every place (a host's entity or a remote system's type), by natural key, read straight from the
/// hosts' databases and the emulators' records. Salesforce orders are keyed by their reference number (the webshop's order
/// number), else <c>#</c> and their own number; the ERP's orders, which only know Salesforce's order number, by the key of
/// the Salesforce order with that number.
/// </summary>
internal sealed class Census
{
    private Census(Dictionary<string, IReadOnlyList<Entry>> places) => Places = places;

    public IReadOnlyDictionary<string, IReadOnlyList<Entry>> Places { get; }

    public IReadOnlyList<Entry> this[string place] => Places[place];

    public static async Task<Census> TakeAsync(EmbeddedSystems systems, WebshopHost webshop, ErpHost erp, CancellationToken cancellationToken)
    {
        var places = new Dictionary<string, IReadOnlyList<Entry>>();
        var customers = await webshop.UseDbAsync((db, ct) => db.Customers.Select(c => new { c.CustomerNumber, c.Name }).ToListAsync(ct), cancellationToken);
        places["Customwebshop Customer"] = [.. customers.Select(c => new Entry(c.CustomerNumber))];
        places["Customwebshop Customer name"] = [.. customers.Select(c => new Entry(c.Name))];
        places["Customwebshop Product"] = await webshop.UseDbAsync((db, ct) => db.Products.Select(p => new Entry(p.Sku, null)).ToListAsync(ct), cancellationToken);
        places["Customwebshop Order"] = await webshop.UseDbAsync((db, ct) => db.Orders.Select(o => new Entry(o.Number, o.Lines.Count)).ToListAsync(ct), cancellationToken);

        var orderKeys = AddSalesforce(places, systems);

        places["Customerp Contact"] = await erp.UseDbAsync((db, ct) => db.Contacts.Select(c => new Entry(c.Email ?? "", null)).ToListAsync(ct), cancellationToken);
        places["Customerp Product"] = await erp.UseDbAsync((db, ct) => db.Products.Select(p => new Entry(p.ItemNumber, null)).ToListAsync(ct), cancellationToken);
        var erpOrders = await erp.UseDbAsync((db, ct) => db.Orders.Select(o => new { o.OrderNumber, Lines = o.Lines.Count }).ToListAsync(ct), cancellationToken);
        places["Customerp Order"] = [.. erpOrders.Select(o => new Entry(orderKeys.GetValueOrDefault(o.OrderNumber ?? "", "#" + o.OrderNumber), o.Lines))];
        places["Customerp Quote"] = await erp.UseDbAsync((db, ct) => db.Quotes.Select(q => new Entry(q.Name, q.Lines.Count)).ToListAsync(ct), cancellationToken);

        AddCustomcrm(places, systems);
        AddExactOnline(places, systems);
        AddSuperOffice(places, systems);
        return new Census(places);
    }

    /// <summary>Adds the org's places; returns the key of each Salesforce order by its own order number.</summary>
    private static Dictionary<string, string> AddSalesforce(Dictionary<string, IReadOnlyList<Entry>> places, EmbeddedSystems systems)
    {
        var org = systems.Salesforce!;
        places["Salesforce Account"] = Keys(org.GetRecords("Account"), "AccountNumber");
        places["Salesforce Division"] = Keys(org.GetRecords("Division"), "Name");
        places["Salesforce Contact"] = Keys(org.GetRecords("Contact"), "Email");
        var products = org.GetRecords("Product2");
        places["Salesforce Product2"] = Keys(products, "ProductCode");
        var codes = products.ToDictionary(p => Text(p, "Id"), p => Text(p, "ProductCode"));
        var standard = org.GetRecords("Pricebook2").Where(p => (bool?)p["IsStandard"] == true).Select(p => Text(p, "Id")).ToHashSet();
        places["Salesforce PricebookEntry"] = [.. org.GetRecords("PricebookEntry")
            .Where(e => standard.Contains(Text(e, "Pricebook2Id")))
            .Select(e => new Entry(codes.GetValueOrDefault(Text(e, "Product2Id"), "?" + Text(e, "Product2Id"))))];

        var orders = org.GetRecords("Order");
        var items = LineCounts(org.GetRecords("OrderItem"), "OrderId");
        places["Salesforce Order"] = [.. orders.Select(o => new Entry(OrderKey(o), items.GetValueOrDefault(Text(o, "Id"))))];
        var quoteLines = LineCounts(org.GetRecords("QuoteLineItem"), "QuoteId");
        places["Salesforce Quote"] = [.. org.GetRecords("Quote").Select(q => new Entry(Text(q, "Name"), quoteLines.GetValueOrDefault(Text(q, "Id"))))];
        return orders.ToDictionary(o => Text(o, "OrderNumber"), OrderKey);

        static string OrderKey(JsonObject order) =>
            Text(order, "OrderReferenceNumber") is { Length: > 0 } reference ? reference : "#" + Text(order, "OrderNumber");
    }

    private static void AddCustomcrm(Dictionary<string, IReadOnlyList<Entry>> places, EmbeddedSystems systems)
    {
        var crm = systems.Customcrm!;
        places["Customcrm Customer"] = [.. crm.GetRecords("Customer").Select(r => new Entry(Text(r.Fields, "CustomerNumber")))];
        places["Customcrm Product"] = [.. crm.GetRecords("Product").Select(r => new Entry(Text(r.Fields, "Sku")))];
        places["Customcrm Order"] = [.. crm.GetRecords("Order").Select(r => new Entry(Text(r.Fields, "Number"), (r.Fields["Lines"] as JsonArray)?.Count ?? 0))];
    }

    private static void AddExactOnline(Dictionary<string, IReadOnlyList<Entry>> places, EmbeddedSystems systems)
    {
        var exact = systems.ExactOnline!;
        places["ExactOnline Accounts"] = Keys(exact.GetRecords("Accounts"), "Code");
        places["ExactOnline Items"] = Keys(exact.GetRecords("Items"), "Code");
        var quotationLines = LineCounts(exact.GetRecords("QuotationLines"), "QuotationID");
        places["ExactOnline Quotations"] = [.. exact.GetRecords("Quotations").Select(q => new Entry(Text(q, "YourRef"), quotationLines.GetValueOrDefault(Text(q, "QuotationID"))))];
        var orderLines = LineCounts(exact.GetRecords("SalesOrderLines"), "OrderID");
        places["ExactOnline SalesOrders"] = [.. exact.GetRecords("SalesOrders").Select(o => new Entry(Text(o, "YourRef"), orderLines.GetValueOrDefault(Text(o, "OrderID"))))];
    }

    private static void AddSuperOffice(Dictionary<string, IReadOnlyList<Entry>> places, EmbeddedSystems systems)
    {
        var tenant = systems.SuperOffice!;
        var contacts = tenant.GetRecords("Contact");
        places["SuperOffice Contact"] = Keys(contacts, "Number1");
        places["SuperOffice Contact name"] = Keys(contacts, "Name");
        places["SuperOffice Product"] = Keys(tenant.GetRecords("Product"), "Code");
        places["SuperOffice Sale"] = Keys(tenant.GetRecords("Sale"), "Number");
        var quoteLines = LineCounts(tenant.GetRecords("QuoteLine"), "QuoteAlternativeId");
        places["SuperOffice QuoteAlternative"] = [.. tenant.GetRecords("QuoteAlternative").Select(a => new Entry(Text(a, "ERPQuoteAlternativeKey"), quoteLines.GetValueOrDefault(Text(a, "QuoteAlternativeId"))))];
    }

    private static List<Entry> Keys(IEnumerable<JsonObject> records, string field) => [.. records.Select(r => new Entry(Text(r, field)))];

    private static Dictionary<string, int> LineCounts(IEnumerable<JsonObject> lines, string parentField) =>
        lines.GroupBy(line => Text(line, parentField), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    /// <summary>A field as trimmed text (numbers and ids as JSON writes them), empty when missing.</summary>
    private static string Text(JsonObject record, string field) => record[field] switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text.Trim(),
        var node => node.ToJsonString(),
    };
}
