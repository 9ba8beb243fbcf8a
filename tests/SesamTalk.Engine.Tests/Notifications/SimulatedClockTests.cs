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
        var (host, scheduler) = await FirstRunAsync(clock, ShopProduct, ShopNote);
        await using var disposing = host;
        clock.Advance(TimeSpan.FromMinutes(20));

        host.Inbox.SourceState(ShopProduct, live: false, "expired");

        Assert.Equal(clock.GetUtcNow(), scheduler.NextWake);
        await scheduler.RunDueAsync(host.Engine, default);
        Assert.Equal(2, host.Count(NotifiedShop.ProductDone));
        Assert.Equal(1, host.Count(NotifiedShop.NoteDone));
        Assert.Equal(clock.GetUtcNow().AddMinutes(5), scheduler.NextWake);
    }

    [Fact]
    public async Task Going_live_before_a_flows_first_cycle_adds_no_cycle_and_going_live_after_it_began_adds_exactly_one()
    {
        var clock = new FakeTimeProvider(Start);
        var (host, scheduler) = await FirstRunAsync(clock, ShopProduct);
        await using var disposing = host;
        Assert.Equal(Start.AddMinutes(5), scheduler.NextWake);

        // The notes' subscription opens after their first cycle began: what changed in between is read once more, soon.
        clock.Advance(TimeSpan.FromSeconds(1));
        Report(host, ShopNote, live: true);
        Assert.Equal(Start.AddSeconds(1.1), scheduler.NextWake);
        clock.SetUtcNow(Start.AddSeconds(1.1));
        await scheduler.RunDueAsync(host.Engine, default);
        Report(host, ShopNote, live: true);

        Assert.Equal((1, 2), (host.Count(NotifiedShop.ProductDone), host.Count(NotifiedShop.NoteDone)));
        Assert.Equal(1, host.Count("SesamTalk Note→Shop/Note runs once more: notifications for Shop/Note went live after its cycle began"));
        Assert.Equal(Start.AddHours(1), scheduler.NextWake);
    }

    [Fact]
    public async Task A_source_back_live_before_its_lost_cycle_ran_adds_no_cycle_and_back_after_it_began_adds_one()
    {
        var clock = new FakeTimeProvider(Start);
        var (host, scheduler) = await FirstRunAsync(clock, ShopProduct, ShopNote);
        await using var disposing = host;
        clock.Advance(TimeSpan.FromMinutes(20));

        // Lost and back before the scheduler woke: the one cycle the loss asked for reads everything.
        host.Inbox.SourceState(ShopProduct, live: false, "dropped");
        Report(host, ShopProduct, live: true);
        await scheduler.RunDueAsync(host.Engine, default);
        Assert.Equal(2, host.Count(NotifiedShop.ProductDone));
        Assert.Equal(Start.AddHours(1), scheduler.NextWake);

        // Lost, its cycle ran, then back: that cycle may have read before an edit the new subscription never delivers.
        clock.Advance(TimeSpan.FromMinutes(1));
        host.Inbox.SourceState(ShopProduct, live: false, "dropped again");
        await scheduler.RunDueAsync(host.Engine, default);
        clock.Advance(TimeSpan.FromSeconds(1));
        Report(host, ShopProduct, live: true);
        Assert.Equal(clock.GetUtcNow().AddMilliseconds(100), scheduler.NextWake);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await scheduler.RunDueAsync(host.Engine, default);

        Assert.Equal((4, 1), (host.Count(NotifiedShop.ProductDone), host.Count(NotifiedShop.NoteDone)));
        Assert.Equal(Start.AddHours(1), scheduler.NextWake);
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

    /// <summary>Builds a host whose host side notifies, with one product, reports <paramref name="live"/> live and runs the first cycle of each flow.</summary>
    private static async Task<(NotifiedShop Host, SyncScheduler Scheduler)> FirstRunAsync(FakeTimeProvider clock, params SyncTarget[] live)
    {
        var host = await NotifiedShop.BuildAsync(Settings(hostNotifies: true), clock, new Product { Sku = "S-1", Name = "Safe" });
        var scheduler = host.Scheduler();
        foreach (var target in live)
        {
            Report(host, target, live: true);
        }

        await scheduler.RunDueAsync(host.Engine, default);
        return (host, scheduler);
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
