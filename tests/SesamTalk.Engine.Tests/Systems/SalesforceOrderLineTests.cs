using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Systems;

/// <summary>Order lines stay the same lines on both sides: a line removed on one side is removed on the other, and the rest keep their ids.</summary>
public sealed class SalesforceOrderLineTests
{
    [Fact]
    public async Task A_line_removed_in_the_host_is_deleted_in_Salesforce_and_an_item_deleted_in_Salesforce_leaves_the_host_order()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        var (purchase, entries) = SalesforcePurchases.Seed(salesforce);
        await using var host = SalesforcePurchases.Host(salesforce);
        await host.Store.SaveAsync(purchase, default);
        await host.SyncCleanAsync();
        var orderId = Assert.Single(salesforce.GetRecords("Order"))["Id"]!.GetValue<string>();
        var items = Items(salesforce, orderId);
        Assert.Equal(3, items.Count);

        // The host removes the axe line and changes the saw's quantity: one update, the axe item deleted, the others kept.
        var edited = (await host.Store.GetAsync(purchase.Id, default))!;
        edited.Lines.RemoveAll(line => line.EntryId == entries[1]);
        edited.Lines[0].Quantity = 5;
        await host.Store.SaveAsync(edited, default);
        var removal = await host.SyncCleanAsync();

        Assert.Equal(1, removal.Updated);
        Assert.Equal([(items[0].Id, entries[0], 5m), (items[2].Id, entries[2], 3m)], Items(salesforce, orderId));
        Assert.True(salesforce.IsDeleted(items[1].Id));

        // Someone deletes the hammer item in Salesforce: the host order loses that line and keeps its saw line.
        salesforce.Delete(items[2].Id);
        await host.SyncCleanAsync();
        var back = (await host.Store.GetAsync(purchase.Id, default))!;

        var line = Assert.Single(back.Lines);
        Assert.Equal(("L0", entries[0], 5m), (line.Id, line.EntryId, line.Quantity));
        var quiet = await host.SyncCleanAsync();
        Assert.Equal(0, quiet.Created + quiet.Updated + quiet.Deleted);
    }

    /// <summary>The order's live items: (id, price-book entry, quantity), in id order.</summary>
    private static List<(string Id, string Entry, decimal Quantity)> Items(SalesforceEmulator salesforce, string orderId) =>
        [.. salesforce.GetRecords("OrderItem")
            .Where(item => (string?)item["OrderId"] == orderId)
            .Select(item => ((string)item["Id"]!, (string)item["PricebookEntryId"]!, (decimal)(double)item["Quantity"]!))
            .OrderBy(item => item.Item1, StringComparer.Ordinal)];
}
