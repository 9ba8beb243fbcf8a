using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Samples.SyncJob.Demo;

/// <summary>
/// Plays Salesforce Billing in the emulated org: an Invoice per Order that has none yet, generated from the order
/// (<c>ReferenceEntityId</c>, <c>BillingAccountId</c>), as the real org does once an order is billed. The API cannot
/// create invoices, so the webshop's Invoice flow finds these by the order they were generated from.
/// </summary>
public static class SalesforceBilling
{
    /// <summary>Generates the missing invoices.</summary>
    /// <param name="org">The emulated org.</param>
    /// <param name="invoiceDate">The invoice date; the invoice is due 30 days later.</param>
    /// <returns>How many invoices were generated.</returns>
    public static int GenerateInvoices(SalesforceEmulator org, DateOnly invoiceDate)
    {
        ArgumentNullException.ThrowIfNull(org);
        var invoiced = org.GetRecords("Invoice").Select(invoice => (string?)invoice["ReferenceEntityId"]).ToHashSet(StringComparer.Ordinal);
        var number = invoiced.Count;
        var generated = 0;
        foreach (var order in org.GetRecords("Order"))
        {
            var id = (string)order["Id"]!;
            if (invoiced.Contains(id))
            {
                continue;
            }

            number++;
            org.Seed("Invoice", new JsonObject
            {
                ["ReferenceEntityId"] = id,
                ["BillingAccountId"] = (string?)order["AccountId"],
                ["InvoiceNumber"] = "INV-" + number.ToString("D6", CultureInfo.InvariantCulture),
                ["InvoiceDate"] = invoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["DueDate"] = invoiceDate.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Status"] = "Posted",
            });
            generated++;
        }

        return generated;
    }
}
