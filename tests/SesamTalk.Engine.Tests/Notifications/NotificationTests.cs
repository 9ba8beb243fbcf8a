using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// The background sync with change notifications: a notified flow runs its normal cycle within the coalescing window,
/// long before its next poll, and nothing else runs; a burst makes one cycle; a lost subscription runs a cycle at once
/// and shows in health; while notifications are off, notifying does nothing.
/// </summary>
public sealed class NotificationTests
{
    private static readonly SyncTarget ShopProduct = new("Shop", "Product");

    [Fact]
    public async Task A_remote_notification_runs_only_the_flows_of_its_target_long_before_their_next_poll()
    {
        await using var host = await NotifiedShop.StartAsync(products: new Product { Sku = "N-1", Name = "Notified" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;

        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 7 });
        host.Inbox.RemoteChanged(new SyncTarget("shop", "PRODUCT"), [remoteId]);

        // The poll is 5 minutes away: only the notification can bring the stock within the wait.
        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the notified cycle");
        Assert.Equal(7, host.Products.Records.Single().Stock);
        Assert.Equal(1, host.Count(NotifiedShop.NoteDone));
    }

    [Fact]
    public async Task The_hosts_NotifyChangedAsync_makes_a_host_change_leave_long_before_the_next_poll()
    {
        await using var host = await NotifiedShop.StartAsync(products: new Product { Sku = "H-1", Name = "Before" });
        var product = host.Products.Records.Single();

        product.Name = "After";
        await host.Products.SaveAsync(product, default);
        await host.Talk.Products.NotifyChangedAsync(product.Id);

        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the notified cycle");
        Assert.Equal("After", (string?)host.Shop.GetRecords("Product").Single().Fields["Name"]);
        Assert.Equal(1, host.Count(NotifiedShop.NoteDone));
    }

    [Fact]
    public async Task A_burst_of_500_notifications_makes_one_cycle()
    {
        await using var host = await NotifiedShop.StartAsync(
            new() { ["SesamTalk:Notifications:CoalesceWindow"] = "00:00:02" },
            new Product { Sku = "B-1", Name = "Burst" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;
        var metrics = host.Provider.GetRequiredService<SyncMetrics>();
        using var counted = new MeterCounts(metrics);

        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 9 });
        // Spread over a few hundred milliseconds, as webhook callbacks arrive: the window gathers them all.
        for (var i = 0; i < 500; i++)
        {
            host.Inbox.RemoteChanged(ShopProduct, [i % 2 == 0 ? remoteId : $"other-{i % 50}"]);
            if (i % 50 == 49)
            {
                await Task.Delay(20);
            }
        }

        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the notified cycle");
        await host.StaysAtAsync(NotifiedShop.ProductDone, 2, TimeSpan.FromSeconds(1.5));
        Assert.Equal(9, host.Products.Records.Single().Stock);
        Assert.Contains(host.Logs.Lines, line => line.Contains("Product→Shop/Product was notified 500 times of 26 records", StringComparison.Ordinal));
        Assert.Equal((500, 1), (counted.Sum("sesamtalk.notifications.received"), counted.Sum("sesamtalk.notifications.cycles")));
    }

    [Fact]
    public async Task While_notifications_are_disabled_notifying_does_nothing()
    {
        await using var host = await NotifiedShop.StartAsync(
            new() { ["SesamTalk:Notifications:Enabled"] = "false" },
            new Product { Sku = "D-1", Name = "Disabled" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;

        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 3 });
        host.Inbox.RemoteChanged(ShopProduct, [remoteId]);
        host.Inbox.HostChanged("Product", [host.Products.Records.Single().Id]);
        host.Inbox.SourceState(ShopProduct, live: false, "lost");

        await host.StaysAtAsync(NotifiedShop.ProductDone, 1, TimeSpan.FromSeconds(1.5));
        Assert.Null(host.Products.Records.Single().Stock);
        Assert.Equal(HealthStatus.Healthy, (await host.HealthAsync()).Status);
    }

    [Fact]
    public void Wrong_notification_settings_stop_the_start_with_a_message_naming_each()
    {
        var services = new ServiceCollection();
        services.AddSesamTalk()
            .AddEngine()
            .AddChangeNotifications(options =>
            {
                options.CoalesceWindow = TimeSpan.Zero;
                options.SafetyPollInterval = TimeSpan.FromMinutes(-1);
            });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, failure => failure.StartsWith("SesamTalk:Notifications:CoalesceWindow must be positive", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("SesamTalk:Notifications:SafetyPollInterval must be positive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lost_subscription_runs_a_full_cycle_at_once_and_health_says_so_until_it_is_live_again()
    {
        await using var host = await NotifiedShop.StartAsync(products: new Product { Sku = "L-1", Name = "Lost" });
        var remoteId = host.Shop.GetRecords("Product").Single().Id;
        host.Inbox.SourceState(ShopProduct, live: true, reason: null);
        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 2, "the catch-up cycle of going live after the first run");

        // Edited while the subscription was going: no notification ever says so.
        host.Shop.Edit("Product", remoteId, new JsonObject { ["Stock"] = 5 });
        host.Inbox.SourceState(ShopProduct, live: false, "the Shop deleted the webhook registration");

        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) == 3, "the cycle after the loss");
        Assert.Equal(5, host.Products.Records.Single().Stock);
        Assert.Equal(1, host.Count(NotifiedShop.NoteDone));
        var lost = await host.HealthAsync();
        Assert.Equal(HealthStatus.Degraded, lost.Status);
        Assert.Contains("notifications lost for Shop/Product: the Shop deleted the webhook registration; polling every 5 min", lost.Description, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, line => line.StartsWith("Warning ", StringComparison.Ordinal) && line.Contains("notifications lost for Shop/Product", StringComparison.Ordinal));

        host.Inbox.SourceState(ShopProduct, live: true, reason: null);
        Assert.Equal(HealthStatus.Healthy, (await host.HealthAsync()).Status);
    }
}
