using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Notifications;

namespace SesamTalk.Engine.Tests.Targeted;

/// <summary>
/// On a simulated clock, the scheduler's reasons to run a notified flow's normal cycle instead of reading its notified
/// records by id: the flow is due by its poll as well, or a lost subscription asked for the cycle. The edit arrives either way.
/// </summary>
public sealed class TargetedFallbackTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SyncTarget ShopProduct = new("Shop", "Product");

    [Fact]
    public async Task A_notified_flow_due_by_its_poll_as_well_runs_its_normal_cycle()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await NotifiedShop.BuildAsync(null, clock, new Product { Sku = "P-1", Name = "Polled" });
        var scheduler = host.Scheduler();
        await scheduler.RunDueAsync(host.Engine, default);
        var remoteId = host.Shop.GetRecords("Product").Single().Id;

        clock.Advance(TimeSpan.FromMinutes(5));
        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 2 });
        host.Inbox.RemoteChanged(ShopProduct, [remoteId]);
        clock.Advance(TimeSpan.FromSeconds(1));
        await scheduler.RunDueAsync(host.Engine, default);

        Assert.Equal(2, host.Products.Records.Single().Stock);
        Assert.Contains(host.Logs.Lines, line => line.Contains("Product→Shop/Product runs its normal cycle from its cursors instead of reading the notified records by id: the flow is due by its poll schedule as well", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("notified records by id; the change feeds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lost_subscription_runs_the_normal_cycle_even_with_notified_records_pending()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await NotifiedShop.BuildAsync(null, clock, new Product { Sku = "P-2", Name = "Lost" });
        var scheduler = host.Scheduler();
        host.Inbox.SourceState(ShopProduct, live: true, reason: null);
        await scheduler.RunDueAsync(host.Engine, default);
        var remoteId = host.Shop.GetRecords("Product").Single().Id;

        clock.Advance(TimeSpan.FromMinutes(1));
        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 3 });
        host.Inbox.RemoteChanged(ShopProduct, [remoteId]);
        host.Inbox.SourceState(ShopProduct, live: false, "expired");
        await scheduler.RunDueAsync(host.Engine, default);

        Assert.Equal(3, host.Products.Records.Single().Stock);
        Assert.Contains(host.Logs.Lines, line => line.Contains("instead of reading the notified records by id: a lost subscription asked for the cycle", StringComparison.Ordinal));
    }
}
