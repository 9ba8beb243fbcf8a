using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Connectors.Salesforce.ChangeEvents;
using Xunit.Abstractions;

namespace SesamTalk.Connectors.Tests.Salesforce.PubSub;

/// <summary>The org's change source against the emulator's Pub/Sub API, as the engine runs it.</summary>
public sealed class SalesforceChangeSourceTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Creates_updates_and_deletes_through_the_REST_API_arrive_as_RemoteChanged_for_their_target_and_records()
    {
        await using var org = await ChangeEventOrg.StartAsync(withLinkStore: true);
        var chair = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Chair" });
        var notes = new RecordingNotifications();
        await using (new ChangeSourceRun(org.ChangeSource, ["Product2", "Account"], notes))
        {
            await notes.WaitUntilLiveAsync("Product2", "Account");
            await org.WaitForStreamsAsync();

            Assert.True(Assert.Single(await org.Client.UpdateAsync([new SyncRecord("Product2", chair) { ["Name"] = SyncValue.From("Chair v2") }])).Succeeded);
            await notes.WaitUntilAsync(n => n.IdsOf("Product2").Contains(chair), "the update", TimeSpan.FromSeconds(5));
            var table = new SyncRecord("Product2") { ["Name"] = SyncValue.From("Table") };
            Assert.True(Assert.Single(await org.Client.CreateAsync([table])).Succeeded);
            Assert.True(Assert.Single(await org.Client.DeleteAsync([chair])).Succeeded);
            await notes.WaitUntilAsync(n => n.IdsOf("Product2").Count == 3, "the create and the delete", TimeSpan.FromSeconds(5));

            Assert.Equal([chair, table.Id!, chair], notes.IdsOf("Product2"));
            Assert.All(notes.Changes, c => Assert.Equal(new SyncTarget("Salesforce", "Product2"), c.Target));
            Assert.Empty(notes.IdsOf("Account"));
        }

        Assert.Equal(["Salesforce/Product2 live", "Salesforce/Account live"], notes.States.Select(s => s.ToString()));
    }

    [Fact]
    public async Task A_restart_resumes_after_the_stored_replay_id_with_the_events_written_meanwhile_exactly_once()
    {
        await using var org = await ChangeEventOrg.StartAsync(withLinkStore: true);
        var first = new RecordingNotifications();
        string before;
        await using (new ChangeSourceRun(org.ChangeSource, ["Product2"], first))
        {
            await first.WaitUntilLiveAsync("Product2");
            await org.WaitForStreamsAsync();
            before = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Before" });
            await first.WaitUntilAsync(n => n.IdsOf("Product2").Count == 1, "the first create");
        }

        await org.RestartAsync();
        await org.WaitForStreamsAsync(0);
        Assert.NotNull(await ((IChangeSubscriptionStore)org.LinkStore).GetSubscriptionPositionAsync("Salesforce", "/data/Product2ChangeEvent"));
        List<string> expected = [
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "While down 1" }),
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "While down 2" })];
        var second = new RecordingNotifications();
        await using (new ChangeSourceRun(org.ChangeSource, ["Product2"], second))
        {
            await second.WaitUntilAsync(n => n.IdsOf("Product2").Count == 2, "the creates made while down");
            await org.WaitForStreamsAsync();
            expected.Add(org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "After" }));
            await second.WaitUntilAsync(n => n.IdsOf("Product2").Count == 3, "the create after the restart");
            await Task.Delay(500);
        }

        Assert.Equal([before], first.IdsOf("Product2"));
        Assert.Equal(expected, second.IdsOf("Product2"));
    }

    [Fact]
    public async Task An_expired_replay_id_reports_the_types_lost_then_live_and_the_events_after_subscribing_again_arrive()
    {
        var clock = new ManualClock(Start);
        await using var org = await ChangeEventOrg.StartAsync(
            o =>
            {
                o.TimeProvider = clock;
                o.TokenLifetime = TimeSpan.FromDays(7);
            },
            withLinkStore: true);
        var first = new RecordingNotifications();
        await using (new ChangeSourceRun(org.ChangeSource, ["Product2"], first))
        {
            await first.WaitUntilLiveAsync("Product2");
            await org.WaitForStreamsAsync();
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Old" });
            await first.WaitUntilAsync(n => n.IdsOf("Product2").Count == 1, "the first create");
        }

        await org.RestartAsync();
        clock.Advance(TimeSpan.FromHours(73));
        var notes = new RecordingNotifications();
        await using (new ChangeSourceRun(org.ChangeSource, ["Product2"], notes))
        {
            await notes.WaitUntilAsync(n => n.States.SkipWhile(s => s.Live).SkipWhile(s => !s.Live).Any(), "lost, then live");
            await org.WaitForStreamsAsync();
            var after = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "After" });
            await notes.WaitUntilAsync(n => n.IdsOf("Product2").Contains(after), "the create after subscribing again");
            Assert.Equal([after], notes.IdsOf("Product2"));
            Assert.Equal("changed Salesforce/Product2 []", notes.Changes[0].ToString()); // read since the cursor
        }

        var lost = Assert.Single(notes.States, s => !s.Live);
        Assert.Equal(new SyncTarget("Salesforce", "Product2"), lost.Target);
        Assert.Contains("refused replay id", lost.Reason, StringComparison.Ordinal);
        Assert.True(notes.States[^1].Live);
    }

    [Fact]
    public async Task A_stream_the_subscriber_gives_up_on_reports_lost_then_live_and_loses_no_event()
    {
        await using var org = await ChangeEventOrg.StartAsync(withLinkStore: true, connector: o => o.MaxRetries = 0);
        var notes = new RecordingNotifications();
        await using (new ChangeSourceRun(org.ChangeSource, ["Product2"], notes))
        {
            await notes.WaitUntilLiveAsync("Product2");
            await org.WaitForStreamsAsync();
            List<string> expected = [org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Before" })];
            await notes.WaitUntilAsync(n => n.IdsOf("Product2").Count == 1, "the first create");

            org.Emulator.DropPubSubStreams();
            await notes.WaitUntilAsync(n => n.States.Any(s => !s.Live), "the stream to be lost");
            expected.Add(org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "While lost" }));
            await notes.WaitUntilAsync(n => n.IdsOf("Product2").Count == 2, "the create made while lost");

            Assert.Equal(expected, notes.IdsOf("Product2"));
        }

        Assert.Equal([true, false, true], notes.States.Select(s => s.Live));
        Assert.StartsWith("The change event stream of /data/Product2ChangeEvent failed (", notes.States[1].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("!", notes.States[1].Reason, StringComparison.Ordinal); // no session id (00D…!…)
    }

    [Fact]
    public async Task A_burst_of_200_writes_arrives_as_notifications_without_a_store_write_per_event()
    {
        await using var org = await ChangeEventOrg.StartAsync(withLinkStore: true);
        var positions = new CountingPositions((IChangeSubscriptionStore)org.LinkStore);
        var source = new SalesforceChangeSource("Salesforce", org.Subscriber, positions, TimeSpan.FromSeconds(1), NullLogger<SalesforceChangeSource>.Instance, TimeProvider.System);
        var notes = new RecordingNotifications();
        var written = new List<string>();
        var running = System.Diagnostics.Stopwatch.StartNew();
        await using (new ChangeSourceRun(source, ["Product2"], notes))
        {
            await notes.WaitUntilLiveAsync("Product2");
            await org.WaitForStreamsAsync();
            for (var i = 0; i < 200; i++)
            {
                var record = new SyncRecord("Product2") { ["Name"] = SyncValue.From($"Burst {i}") };
                Assert.True(Assert.Single(await org.Client.CreateAsync([record])).Succeeded);
                written.Add(record.Id!);
            }

            await notes.WaitUntilAsync(n => n.IdsOf("Product2").Count >= 200, "the burst's 200 creates");
        }

        running.Stop();
        Assert.Equal(written, notes.IdsOf("Product2"));
        Assert.InRange(notes.Changes.Count, 1, 200);

        // A save a second, one per 100 events, and the last when the source stops: far from one per event.
        output.WriteLine($"200 writes: {notes.Changes.Count} notifications, {positions.Saves} saves of the replay id in {running.Elapsed.TotalSeconds:0.0} s");
        var mostSaves = (int)running.Elapsed.TotalSeconds + 1 + (200 / ReplayIdCheckpoint.EventsPerSave) + 1;
        Assert.InRange(positions.Saves, 1, Math.Min(mostSaves, 50));
        Assert.Equal(positions.Last, await positions.GetSubscriptionPositionAsync("Salesforce", "/data/Product2ChangeEvent"));
    }

    [Fact]
    public void Gap_overflow_and_wildcard_events_notify_their_type_without_ids_and_the_others_with_their_records()
    {
        var notes = new RecordingNotifications();
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Account"] = "Account", ["Product2"] = "Product2" };
        ChangeEventNotices.Pass("Salesforce", types, [
            Change("Account", SalesforceChangeType.Update, "001A"),
            Change("Account", SalesforceChangeType.Delete, "001B", "001A"),
            Change("PRODUCT2", SalesforceChangeType.Create, "01tA"),
            Change("Product2", SalesforceChangeType.Undelete, "01tB")], notes);
        ChangeEventNotices.Pass("Salesforce", types, [Change("Account", SalesforceChangeType.Update, "001C"), Change("Account", SalesforceChangeType.GapUpdate, "001D")], notes);
        ChangeEventNotices.Pass("Salesforce", types, [Change("Account", SalesforceChangeType.GapOverflow)], notes);
        ChangeEventNotices.Pass("Salesforce", types, [Change("Product2", SalesforceChangeType.Update, "01t*")], notes);

        Assert.Equal(
            ["changed Salesforce/Account [001A, 001B]", "changed Salesforce/Product2 [01tA, 01tB]", "changed Salesforce/Account []", "changed Salesforce/Account []", "changed Salesforce/Product2 []"],
            notes.Changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Each_org_adds_its_change_source_under_its_name()
    {
        var services = new ServiceCollection();
        new SesamTalkBuilder(services)
            .AddSalesforce(Configure)
            .AddSalesforce("SalesforceEU", Configure);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["Salesforce", "SalesforceEU"], provider.GetServices<ISyncChangeSource>().Select(s => s.System));
        Assert.Same(provider.GetRequiredKeyedService<ISyncChangeSource>("SalesforceEU"), provider.GetServices<ISyncChangeSource>().Last());

        static void Configure(SalesforceOptions options)
        {
            options.LoginUrl = new Uri("https://login.salesforce.com");
            options.ClientId = "id";
            options.ClientSecret = "secret";
        }
    }

    private static SalesforceChangeNotification Change(string entity, SalesforceChangeType type, params string[] ids) =>
        new(entity, ids, type, [], Start, "AAAAAAAAAAE=");

    /// <summary>The link store's positions, counting the saves.</summary>
    private sealed class CountingPositions(IChangeSubscriptionStore inner) : IChangeSubscriptionStore
    {
        private int _saves;

        public int Saves => Volatile.Read(ref _saves);

        public string? Last { get; private set; }

        public Task<string?> GetSubscriptionPositionAsync(string system, string channel, CancellationToken cancellationToken = default) =>
            inner.GetSubscriptionPositionAsync(system, channel, cancellationToken);

        public Task SaveSubscriptionPositionAsync(string system, string channel, string position, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _saves);
            Last = position;
            return inner.SaveSubscriptionPositionAsync(system, channel, position, cancellationToken);
        }
    }
}
