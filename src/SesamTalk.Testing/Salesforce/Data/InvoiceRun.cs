using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>
/// Plays Salesforce Billing: an Invoice per Order that has none yet, generated from the order (<c>ReferenceEntityId</c>,
/// <c>BillingAccountId</c>), numbered <c>INV-000001</c> on, due 30 days after its date. The API cannot create invoices.
/// Callers hold the store's gate.
/// </summary>
internal sealed class InvoiceRun(SchemaCatalog schemas, RecordStore records, RecordWriter writer)
{
    /// <summary>Invoices every live order that has no invoice; returns how many it generated.</summary>
    public int Run(DateOnly invoiceDate, DateTimeOffset now)
    {
        var invoiced = Invoices().Select(invoice => (string?)invoice.Values["ReferenceEntityId"]).ToHashSet(StringComparer.Ordinal);
        var orders = records.OfType(Schema("Order")).Where(order => !order.IsDeleted && !invoiced.Contains(order.Id)).ToList();
        foreach (var order in orders)
        {
            Invoice(order, invoiceDate, now);
        }

        return orders.Count;
    }

    /// <summary>Generates the invoice of one order.</summary>
    public void Invoice(SObjectRecord order, DateOnly invoiceDate, DateTimeOffset now)
    {
        var number = Invoices().Count() + 1;
        writer.Insert(Schema("Invoice"), new Dictionary<string, JsonNode?>
        {
            ["ReferenceEntityId"] = order.Id,
            ["BillingAccountId"] = (string?)order.Values["AccountId"],
            ["InvoiceNumber"] = "INV-" + number.ToString("D6", CultureInfo.InvariantCulture),
            ["InvoiceDate"] = invoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["DueDate"] = invoiceDate.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Status"] = "Posted",
        }, now);
    }

    private IEnumerable<SObjectRecord> Invoices() => records.OfType(Schema("Invoice"));

    private SObjectSchema Schema(string name) => schemas.Find(name) ?? throw new InvalidOperationException($"The org has no {name} object.");
}
