using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Engine.Tests.Entities;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// The background sync's schedule with notifications, on a simulated clock: the scheduler the background service
/// drives, run at each time it wakes for, the clock moved to it. What an idle hour costs (nothing changes anywhere):
/// with notifications live on every side, at most one safety poll per flow side per safety interval; without them, a
/// poll per flow every interval.
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

    [Fact]
    public async Task An_idle_hour_with_notifications_live_on_every_side_costs_one_safety_poll_per_flow_side()
    {
        var on = await IdleHourAsync(notifications: true);
        var off = await IdleHourAsync(notifications: false);

        Assert.Equal((1, 1), (on.ProductPolls, on.NotePolls));
        Assert.Equal((12, 12), (off.ProductPolls, off.NotePolls));

        // Each idle poll costs the same calls: the hour's calls go down twelvefold.
        Assert.True(on.ProductCalls > 0 && on.NoteCalls > 0, $"{on}");
        Assert.Equal((on.ProductCalls * 12, on.NoteCalls * 12), (off.ProductCalls, off.NoteCalls));
    }

    /// <summary>Runs the first cycle of each flow, then an idle hour, waking the scheduler at each time it asks for; returns the hour's polls and API calls per flow.</summary>
    private static async Task<IdleHour> IdleHourAsync(bool notifications)
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await NotifiedShop.BuildAsync(
            new()
            {
                ["SesamTalk:Notifications:Enabled"] = notifications ? "true" : "false",
                ["SesamTalk:Notifications:HostNotifies"] = "true",
                ["SesamTalk:Notifications:SafetyPollInterval"] = "01:00:00",
            },
            clock,
            new Product { Sku = "I-1", Name = "Idle" });
        var scheduler = host.Scheduler();
        host.Inbox.SourceState(ShopProduct, live: true, reason: null);
        host.Inbox.SourceState(ShopNote, live: true, reason: null);
        await scheduler.RunDueAsync(host.Engine, default);

        using var counts = new MeterCounts(host.Provider.GetRequiredService<SyncMetrics>());
        var (products, notes) = (host.Count(NotifiedShop.ProductDone), host.Count(NotifiedShop.NoteDone));
        while (scheduler.NextWake is { } wake && wake <= Start.AddHours(1))
        {
            clock.SetUtcNow(wake);
            await scheduler.RunDueAsync(host.Engine, default);
        }

        return new IdleHour(
            host.Count(NotifiedShop.ProductDone) - products,
            counts.Sum("sesamtalk.api.calls", "Product"),
            host.Count(NotifiedShop.NoteDone) - notes,
            counts.Sum("sesamtalk.api.calls", "Note"));
    }

    private sealed record IdleHour(int ProductPolls, long ProductCalls, int NotePolls, long NoteCalls);

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
