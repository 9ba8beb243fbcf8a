using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Engine.Tests.Targeted;

/// <summary>A flow's pending notifications: remote and host ids kept apart, and when only the normal cycle can be trusted with them.</summary>
public sealed class PendingFlowTests
{
    private static readonly DateTimeOffset Since = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Remote_and_host_ids_are_kept_apart_and_deduplicated()
    {
        var pending = new PendingFlow(Since);
        pending.Add(SyncSide.Remote, ["r1", "r2"]);
        pending.Add(SyncSide.Remote, ["r2"]);
        pending.Add(SyncSide.Local, ["h1"]);

        var records = pending.Targeted(out var why);

        Assert.Equal("", why);
        Assert.Equal(["r1", "r2"], records!.RemoteIds.Order(StringComparer.Ordinal));
        Assert.Equal(["h1"], records.HostIds);
        Assert.Equal(Since, records.NotifiedAt);
        Assert.Equal(3, pending.Notifications);
    }

    [Fact]
    public void More_ids_than_are_kept_over_both_sides_is_something_changed()
    {
        var pending = new PendingFlow(Since);
        pending.Add(SyncSide.Remote, [.. Enumerable.Range(0, 600).Select(i => $"r{i}")]);
        pending.Add(SyncSide.Local, [.. Enumerable.Range(0, 401).Select(i => $"h{i}")]);

        Assert.Null(pending.Targeted(out var why));
        Assert.Equal("more than 1000 records were notified", why);
        Assert.Empty(pending.RemoteIds);
    }

    [Fact]
    public void A_notification_without_ids_is_something_changed()
    {
        var pending = new PendingFlow(Since);
        pending.Add(SyncSide.Remote, ["r1"]);
        pending.Add(SyncSide.Remote, []);

        Assert.Null(pending.Targeted(out var why));
        Assert.Equal("a notification named no records", why);
    }
}
