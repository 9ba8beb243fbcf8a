using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests;

/// <summary>
/// DESIGN 5, nothing is lost: an order's lines are never removed by a failure. Lines merge one by one against the lines
/// both sides last agreed on, and a side without lines never overwrites the other's on first contact.
/// </summary>
public sealed class NoLostLinesTests
{
    [Fact]
    public async Task A_500_on_the_line_create_after_slow_answers_loses_no_line_in_the_host_or_in_Salesforce()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        var (purchase, entries) = SalesforcePurchases.Seed(salesforce);
        await using var host = SalesforcePurchases.Host(salesforce);
        await host.Store.SaveAsync(purchase, default);

        // The order is created (answered slowly), then its items' create meets a 500 on every try: the order stands
        // in Salesforce without lines and the cycle stops with the create's intent open.
        salesforce.Inject(SalesforceFault.Slow(TimeSpan.FromMilliseconds(300)).On(SalesforceEndpoint.CollectionCreate));
        salesforce.Inject(SalesforceFault.ServerError().On(SalesforceEndpoint.CollectionCreate).Times(10));
        var failed = (await host.Talk.Purchases.SyncAsync()).Flows.Single();
        Assert.True(failed.Stopped);
        salesforce.ClearFaults();
        Assert.Empty(salesforce.GetRecords("OrderItem"));

        // Clean cycles: the order met again carries no lines, which is no edit; the host's lines go to Salesforce.
        for (var cycle = 0; cycle < 2; cycle++)
        {
            var report = (await host.Talk.Purchases.SyncAsync()).Flows.Single();
            Assert.False(report.Stopped, report.StopReason);
        }

        var order = Assert.Single(salesforce.GetRecords("Order"));
        var items = salesforce.GetRecords("OrderItem").Where(item => (string?)item["OrderId"] == (string)order["Id"]!).ToList();
        Assert.Equal(entries.Order(StringComparer.Ordinal), items.Select(item => (string)item["PricebookEntryId"]!).Order(StringComparer.Ordinal));
        Assert.Equal(3, (await host.Store.GetAsync(purchase.Id, default))!.Lines.Count);
        var quiet = (await host.Talk.Purchases.SyncAsync()).Flows.Single();
        Assert.Equal(0, quiet.Created + quiet.Updated + quiet.Deleted);
    }

    [Fact]
    public async Task Different_lines_changed_on_each_side_in_one_cycle_both_arrive_on_both_sides()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        var (purchase, entries) = SalesforcePurchases.Seed(salesforce);
        await using var host = SalesforcePurchases.Host(salesforce);
        await host.Store.SaveAsync(purchase, default);
        await host.SyncCleanAsync();
        var orderId = (string)Assert.Single(salesforce.GetRecords("Order"))["Id"]!;

        // Between two cycles Salesforce changes the axe's quantity and the host the saw's: both changes arrive on both sides.
        var axe = salesforce.GetRecords("OrderItem").Single(item => (string?)item["PricebookEntryId"] == entries[1]);
        salesforce.Edit((string)axe["Id"]!, new JsonObject { ["Quantity"] = 7.0 });
        var edited = (await host.Store.GetAsync(purchase.Id, default))!;
        edited.Lines.Single(line => line.EntryId == entries[0]).Quantity = 9;
        await host.Store.SaveAsync(edited, default);
        await host.SyncCleanAsync();
        await host.SyncCleanAsync();

        var quantities = salesforce.GetRecords("OrderItem")
            .Where(item => (string?)item["OrderId"] == orderId)
            .ToDictionary(item => (string)item["PricebookEntryId"]!, item => (decimal)(double)item["Quantity"]!);
        Assert.Equal(new Dictionary<string, decimal> { [entries[0]] = 9m, [entries[1]] = 7m, [entries[2]] = 3m }, quantities);
        var back = (await host.Store.GetAsync(purchase.Id, default))!;
        Assert.Equal([9m, 7m, 3m], back.Lines.OrderBy(line => Array.IndexOf(entries, line.EntryId)).Select(line => line.Quantity));
    }
}
