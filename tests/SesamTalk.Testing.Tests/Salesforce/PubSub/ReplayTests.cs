using System.Text.Json.Nodes;
using Eventbus.V1;
using Grpc.Core;

namespace SesamTalk.Testing.Tests.Salesforce.PubSub;

/// <summary>Replay presets, retention on the emulator's clock, the corrupted-replay-id error, flow control and dropped streams.</summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task A_stored_replay_id_replays_exactly_the_later_events()
    {
        await using var org = await TestOrg.StartAsync(o => o.PubSub.KeepAliveInterval = TimeSpan.FromMilliseconds(200));
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await org.CreateAsync("Product2", new JsonObject { ["Name"] = $"P{i}" }));
        }

        using var client = new PubSubTestClient(org.Emulator);
        using (var first = client.Subscribe("/data/Product2ChangeEvent", ReplayPreset.Earliest, 10))
        {
            var all = await first.EventsAsync(4);
            var replayIds = all.Select(e => e.ReplayId).ToList();
            Assert.Equal(replayIds.Count, replayIds.Distinct().Count());

            using var resumed = client.Subscribe("/data/Product2ChangeEvent", ReplayPreset.Custom, 10, all[1].ReplayId);
            var later = await resumed.EventsAsync(2);
            Assert.Equal(replayIds[2..], later.Select(e => e.ReplayId));
            Assert.Equal(all[2..].Select(e => e.Event.Id), later.Select(e => e.Event.Id)); // an event keeps its id on replay
            Assert.Equal(ids[2..], await Task.WhenAll(later.Select(async e => (await client.DecodeAsync(e)).Strings("recordIds")[0])));

            var keepAlive = await resumed.NextAsync(TimeSpan.FromSeconds(5));
            Assert.NotNull(keepAlive);
            Assert.Empty(keepAlive.Events);
            Assert.Equal(replayIds[3], keepAlive.LatestReplayId);
        }
    }

    [Fact]
    public async Task LATEST_starts_after_the_newest_event()
    {
        await using var org = await TestOrg.StartAsync(o => o.PubSub.KeepAliveInterval = TimeSpan.FromMilliseconds(100));
        await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Before" });
        using var client = new PubSubTestClient(org.Emulator);
        using var subscription = client.Subscribe("/data/Product2ChangeEvent", ReplayPreset.Latest, 10);
        Assert.Empty((await subscription.NextAsync(TimeSpan.FromSeconds(5)))!.Events); // the keepalive: subscribed

        var after = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "After" });
        var decoded = await client.DecodeAsync(Assert.Single(await subscription.EventsAsync(1)));
        Assert.Equal([after], decoded.Strings("recordIds"));
    }

    [Fact]
    public async Task A_replay_id_older_than_the_retention_gets_the_corrupted_replay_id_error()
    {
        var clock = new ManualClock(PubSubTestClient.ClockStart);
        await using var org = await TestOrg.StartAsync(o => o.TokenLifetime = TimeSpan.FromDays(7), clock); // sessions outlive the 73 hours
        await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Old" });
        using var client = new PubSubTestClient(org.Emulator);
        ConsumerEvent old;
        using (var first = client.Subscribe("/data/Product2ChangeEvent", ReplayPreset.Earliest, 10))
        {
            old = Assert.Single(await first.EventsAsync(1));
        }

        clock.Advance(TimeSpan.FromHours(71));
        var recent = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Recent" });
        using (var withinRetention = client.Subscribe("/data/Product2ChangeEvent", ReplayPreset.Custom, 10, old.ReplayId))
        {
            Assert.Equal([recent], (await client.DecodeAsync(Assert.Single(await withinRetention.EventsAsync(1)))).Strings("recordIds"));
        }

        clock.Advance(TimeSpan.FromHours(2)); // the first event is 73 hours old: purged
        using var expired = client.Subscribe("/data/Product2ChangeEvent", ReplayPreset.Custom, 10, old.ReplayId);
        var error = await Assert.ThrowsAsync<RpcException>(() => expired.NextAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted", error.Trailers.GetValue("error-code"));

        using var earliest = client.Subscribe("/data/Product2ChangeEvent", ReplayPreset.Earliest, 10);
        Assert.Equal([recent], (await client.DecodeAsync(Assert.Single(await earliest.EventsAsync(1)))).Strings("recordIds"));
    }

    [Fact]
    public async Task The_retention_is_configurable_and_a_replay_id_that_is_no_replay_id_is_corrupted()
    {
        var clock = new ManualClock(PubSubTestClient.ClockStart);
        await using var org = await TestOrg.StartAsync(o => o.PubSub.Retention = TimeSpan.FromHours(1), clock);
        await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Old" });
        using var client = new PubSubTestClient(org.Emulator);
        using var first = client.Subscribe("/data/Product2ChangeEvent", ReplayPreset.Earliest, 10);
        var old = Assert.Single(await first.EventsAsync(1));
        clock.Advance(TimeSpan.FromMinutes(61));

        foreach (var replayId in new[] { old.ReplayId, Google.Protobuf.ByteString.CopyFromUtf8("not a replay id") })
        {
            using var refused = client.Subscribe("/data/Product2ChangeEvent", ReplayPreset.Custom, 10, replayId);
            var error = await Assert.ThrowsAsync<RpcException>(() => refused.NextAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal("sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted", error.Trailers.GetValue("error-code"));
        }
    }

    [Fact]
    public async Task No_more_events_arrive_than_the_client_requested()
    {
        await using var org = await TestOrg.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await org.CreateAsync("Product2", new JsonObject { ["Name"] = $"P{i}" });
        }

        using var client = new PubSubTestClient(org.Emulator);
        using var subscription = client.Subscribe("/data/Product2ChangeEvent", ReplayPreset.Earliest, 2);
        var response = await subscription.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, response!.Events.Count);
        Assert.Equal(0, response.PendingNumRequested);
        Assert.Null(await subscription.NextAsync(TimeSpan.FromMilliseconds(500)));

        await subscription.RequestAsync(2);
        Assert.Equal(2, (await subscription.EventsAsync(2)).Count);
        Assert.Null(await subscription.NextAsync(TimeSpan.FromMilliseconds(500)));

        await subscription.RequestAsync(10);
        var last = await subscription.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Single(last!.Events);
        Assert.Equal(9, last.PendingNumRequested);
    }

    [Fact]
    public async Task A_dropped_stream_fails_the_call_as_a_network_failure_would()
    {
        await using var org = await TestOrg.StartAsync();
        using var client = new PubSubTestClient(org.Emulator);
        using var subscription = client.Subscribe("/data/ChangeEvents", ReplayPreset.Latest, 10);
        Assert.Null(await subscription.NextAsync(TimeSpan.FromMilliseconds(300)));

        org.Emulator.DropPubSubStreams();
        var error = await Assert.ThrowsAsync<RpcException>(() => subscription.NextAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(error.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal, StatusCode.Cancelled });
    }
}
