using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>A host purchase of three lines (saw, axe, hammer) over an account, a price book and its entries seeded in an emulated org.</summary>
internal static class SalesforcePurchases
{
    /// <summary>Seeds the org and returns the purchase to save in the host, and the price-book entries of its lines in order.</summary>
    public static (Purchase Purchase, string[] Entries) Seed(SalesforceEmulator salesforce)
    {
        var account = salesforce.Seed("Account", new JsonObject { ["Name"] = "Acme" });
        var pricebook = salesforce.Seed("Pricebook2", new JsonObject { ["Name"] = "Standard" });
        string[] entries = [.. new[] { "Saw", "Axe", "Hammer" }.Select(name => salesforce.Seed("PricebookEntry", new JsonObject
        {
            ["Pricebook2Id"] = pricebook,
            ["Product2Id"] = salesforce.Seed("Product2", new JsonObject { ["Name"] = name }),
            ["UnitPrice"] = 10.0,
        }))];
        var purchase = new Purchase
        {
            AccountId = account,
            PricebookId = pricebook,
            Date = new DateOnly(2026, 11, 22),
            Lines = [.. entries.Select((entry, i) => new PurchaseLine { Id = $"L{i}", EntryId = entry, Quantity = i + 1, UnitPrice = 10m })],
        };
        return (purchase, entries);
    }

    /// <summary>Runs one cycle of the purchases and checks it ran to the end and set nothing aside.</summary>
    public static async Task<SyncFlowReport> SyncCleanAsync(this SystemHost<Purchase> host)
    {
        var report = (await host.Talk.Purchases.SyncAsync()).Flows.Single();
        Assert.False(report.Stopped, report.StopReason);
        Assert.Equal(0, report.Quarantined);
        return report;
    }

    /// <summary>A host of purchases synced with the org.</summary>
    public static SystemHost<Purchase> Host(SalesforceEmulator salesforce) =>
        SalesforceConnection.Host<Purchase>(salesforce, p => p.Id, (p, id) => p.Id = id);
}
