using SesamTalk.Connectors;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Notifications;

namespace SesamTalk.Engine.Tests.Routing;

/// <summary>A targeted read that finds nothing to write commits nothing, as a page of echoes of the change feed does.</summary>
public sealed class QuietTargetedUnitTests
{
    [Fact]
    public async Task A_notified_remote_record_that_did_not_change_opens_no_link_store_transaction()
    {
        await using var host = await NotifiedShop.StartAsync(products: new Product { Sku = "Q-1", Name = "Quiet" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;
        var commits = host.Count("committed 0 records");

        host.Inbox.RemoteChanged(new SyncTarget("Shop", "Product"), [remoteId]);

        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the notified cycle");
        Assert.Equal(1, host.Count("reads 1 notified remote and 0 notified host records by id"));
        Assert.Equal(commits, host.Count("committed 0 records"));
    }
}
