using Microsoft.Extensions.Time.Testing;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Engine.Tests.Entities;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// The background sync's schedule with notifications, on a simulated clock: the scheduler the background service
/// drives, run at each time it wakes for, the clock moved to it.
/// </summary>
public sealed class SimulatedClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SyncTarget ShopProduct = new("Shop", "Product");
    private static readonly SyncTarget ShopNote = new("Shop", "Note");

    [Theory]
    [InlineData(true, true, true, 60)]
    [InlineData(false, true, true, 5)]
    [InlineData(true, true, false, 5)]
    [InlineData(true, false, false, 5)]
    public async Task The_safety_interval_applies_only_while_every_side_of_every_flow_notifies(bool hostNotifies, bool productLive, bool noteLive, int minutesToNextPoll)
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await NotifiedShop.BuildAsync(Settings(hostNotifies), clock);
        var scheduler = host.Scheduler();
        Report(host, ShopProduct, productLive);
        Report(host, ShopNote, noteLive);

        await scheduler.RunDueAsync(host.Engine, default);

        Assert.Equal(Start.AddMinutes(minutesToNextPoll), scheduler.NextWake);
    }

    [Fact]
    public async Task A_lost_subscription_makes_its_flows_due_at_once_and_puts_them_back_on_the_interval()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await NotifiedShop.BuildAsync(Settings(hostNotifies: true), clock, new Product { Sku = "S-1", Name = "Safe" });
        var scheduler = host.Scheduler();
        Report(host, ShopProduct, live: true);
        Report(host, ShopNote, live: true);
        await scheduler.RunDueAsync(host.Engine, default);
        clock.Advance(TimeSpan.FromMinutes(20));

        host.Inbox.SourceState(ShopProduct, live: false, "expired");

        Assert.Equal(clock.GetUtcNow(), scheduler.NextWake);
        await scheduler.RunDueAsync(host.Engine, default);
        Assert.Equal(2, host.Count(NotifiedShop.ProductDone));
        Assert.Equal(1, host.Count(NotifiedShop.NoteDone));
        Assert.Equal(clock.GetUtcNow().AddMinutes(5), scheduler.NextWake);
    }

    private static Dictionary<string, string?> Settings(bool hostNotifies) => new()
    {
        ["SesamTalk:Notifications:HostNotifies"] = hostNotifies ? "true" : "false",
        ["SesamTalk:Notifications:SafetyPollInterval"] = "01:00:00",
    };

    private static void Report(NotifiedShop host, SyncTarget target, bool live)
    {
        if (live)
        {
            host.Inbox.SourceState(target, live: true, reason: null);
        }
    }
}
