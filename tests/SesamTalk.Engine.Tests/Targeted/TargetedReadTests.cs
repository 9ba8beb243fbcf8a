using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Notifications;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Engine.Tests.Targeted;

/// <summary>
/// A notified flow reads the records its notifications named by id (the Shop's <c>GET /Product/{id}</c>, its
/// <see cref="ISyncConnector.GetManyAsync"/>) instead of its change feed (<c>GET /Product/changes</c>), runs them through
/// the same decide and write path, and leaves the cursors where they were; where reading by id cannot be trusted (a
/// notified record is gone, the burst overflowed) it runs its normal cycle.
/// </summary>
public sealed class TargetedReadTests
{
    private static readonly SyncTarget ShopProduct = new("Shop", "Product");
    private static readonly SyncFlowId Flow = new("Product", ShopProduct);

    [Fact]
    public async Task A_remote_notified_edit_is_read_by_id_without_a_feed_read_and_leaves_the_cursors_for_the_next_poll_to_find_nothing()
    {
        await using var host = await NotifiedShop.StartAsync(products: new Product { Sku = "T-1", Name = "Targeted" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;
        var cursors = await CursorsAsync(host);
        host.Shop.ResetCallCounts();

        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 7 });
        host.Inbox.RemoteChanged(ShopProduct, [remoteId]);

        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the notified cycle");
        Assert.Equal(7, host.Products.Records.Single().Stock);
        Assert.Equal((0, 0, 1), (host.Shop.CallCount(CustomEndpoint.Changes), host.Shop.CallCount(CustomEndpoint.Get), host.Shop.CallCount(CustomEndpoint.ReadMany)));
        Assert.Equal(cursors, await CursorsAsync(host));

        var poll = (await host.Talk.Products.SyncAsync()).Flows.Single(flow => flow.Target == ShopProduct);
        Assert.Equal((0, 0, 0), (poll.Created, poll.Updated, poll.Quarantined));
        Assert.NotEqual(cursors, await CursorsAsync(host));
    }

    [Fact]
    public async Task A_targeted_cycle_runs_even_when_a_cycle_of_the_flow_began_after_the_notification()
    {
        await using var host = await NotifiedShop.StartAsync(
            new() { ["SesamTalk:Notifications:CoalesceWindow"] = "00:00:01" },
            new Product { Sku = "T-7", Name = "Shared" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;
        var links = host.Provider.GetRequiredService<ILinkStore>();

        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 8 });
        host.Inbox.RemoteChanged(ShopProduct, [remoteId]);

        // Another cycle of the flow takes its lease after the notification came; reading only what it was notified of, it missed this edit.
        var lease = await links.TryAcquireLeaseAsync(Flow, "another-instance", TimeSpan.FromMinutes(1), default);
        Assert.True(await links.ReleaseLeaseAsync(Flow, lease!.Owner, default));

        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the notified cycle");
        Assert.Equal(8, host.Products.Records.Single().Stock);
    }

    [Fact]
    public async Task A_host_notified_edit_reaches_the_remote_without_a_remote_feed_read()
    {
        await using var host = await NotifiedShop.StartAsync(products: new Product { Sku = "T-2", Name = "Before" });
        var product = host.Products.Records.Single();
        var cursors = await CursorsAsync(host);
        host.Shop.ResetCallCounts();

        product.Name = "After";
        await host.Products.SaveAsync(product, default);
        await host.Talk.Products.NotifyChangedAsync(product.Id);

        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the notified cycle");
        Assert.Equal("After", (string?)host.Shop.GetRecords("Product").Single().Fields["Name"]);
        Assert.Equal(0, host.Shop.CallCount(CustomEndpoint.Changes));
        Assert.Contains(host.Logs.Lines, line => line.Contains("reads 0 notified remote and 1 notified host records by id", StringComparison.Ordinal));
        Assert.Equal(cursors, await CursorsAsync(host));
    }

    [Fact]
    public async Task A_notified_record_that_is_gone_runs_the_normal_cycle_which_handles_the_delete()
    {
        await using var host = await NotifiedShop.StartAsync(
            settings: null,
            services => services.Configure<SyncEngineOptions>(options => options.Flows["Product"] = new SyncFlowOptions { Deletes = DeletePolicy.Propagate }),
            new Product { Sku = "T-3", Name = "Gone" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;
        host.Shop.ResetCallCounts();

        host.Shop.Delete("Product", remoteId);
        host.Inbox.RemoteChanged(ShopProduct, [remoteId]);

        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the notified cycle");
        Assert.Empty(host.Products.Records);
        Assert.True(host.Shop.CallCount(CustomEndpoint.Changes) > 0);
        Assert.Contains(host.Logs.Lines, line => line.Contains($"runs its normal cycle from its cursors instead of reading the notified records by id: the notified remote record {remoteId} was not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_overflowed_burst_runs_one_normal_cycle()
    {
        await using var host = await NotifiedShop.StartAsync(
            new() { ["SesamTalk:Notifications:CoalesceWindow"] = "00:00:01" },
            new Product { Sku = "T-4", Name = "Burst" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;
        host.Shop.ResetCallCounts();

        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 4 });
        host.Inbox.RemoteChanged(ShopProduct, [remoteId, .. Enumerable.Range(0, 1000).Select(i => $"other-{i}")]);

        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the notified cycle");
        await host.StaysAtAsync(NotifiedShop.ProductDone, 2, TimeSpan.FromSeconds(1.5));
        Assert.Equal(4, host.Products.Records.Single().Stock);
        Assert.Equal((0, 0), (host.Shop.CallCount(CustomEndpoint.Get), host.Shop.CallCount(CustomEndpoint.ReadMany)));
        Assert.True(host.Shop.CallCount(CustomEndpoint.Changes) > 0);
        Assert.Contains(host.Logs.Lines, line => line.Contains("instead of reading the notified records by id: more than 1000 records were notified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_record_in_a_targeted_read_is_quarantined_naming_the_record_and_field_and_the_others_are_written()
    {
        await using var host = await NotifiedShop.StartAsync(
            products: [new Product { Sku = "T-5", Name = "Good" }, new Product { Sku = "T-6", Name = "Bad" }]);
        var good = host.Shop.GetRecords("Product").Single(record => (string?)record.Fields["Sku"] == "T-5").Id;
        var bad = host.Shop.GetRecords("Product").Single(record => (string?)record.Fields["Sku"] == "T-6").Id;
        host.Shop.ResetCallCounts();

        host.Shop.Edit("Product", good, new JsonObject { ["Price"] = 12.5 });
        host.Shop.Edit("Product", bad, new JsonObject { ["Price"] = "twelve" });
        host.Inbox.RemoteChanged(ShopProduct, [good, bad]);

        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the notified cycle");
        Assert.Equal(12.5m, host.Products.Records.Single(product => product.Sku == "T-5").Price);
        Assert.Null(host.Products.Records.Single(product => product.Sku == "T-6").Price);
        Assert.Equal(0, host.Shop.CallCount(CustomEndpoint.Changes));
        var entry = Assert.Single(await host.Talk.Products.GetQuarantineAsync());
        Assert.Equal((SyncSide.Remote, bad), (entry.Side, entry.RecordId));
        Assert.Contains(bad, entry.Error, StringComparison.Ordinal);
        Assert.Contains("Price", entry.Error, StringComparison.Ordinal);
    }

    private static async Task<(string? Host, string? Remote)> CursorsAsync(NotifiedShop host)
    {
        var links = host.Provider.GetRequiredService<ILinkStore>();
        return (await links.GetCursorAsync(Flow, SyncSide.Local, default), await links.GetCursorAsync(Flow, SyncSide.Remote, default));
    }
}
