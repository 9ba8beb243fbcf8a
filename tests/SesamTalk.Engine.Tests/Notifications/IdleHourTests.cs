using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// What an idle hour costs (simulated clock, nothing changes anywhere): with notifications live on every side, at most
/// one safety poll per flow side per safety interval; without them, a poll per flow every interval.
/// </summary>
public sealed class IdleHourTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

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
        host.Inbox.SourceState(new SyncTarget("Shop", "Product"), live: true, reason: null);
        host.Inbox.SourceState(new SyncTarget("Shop", "Note"), live: true, reason: null);
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
}
