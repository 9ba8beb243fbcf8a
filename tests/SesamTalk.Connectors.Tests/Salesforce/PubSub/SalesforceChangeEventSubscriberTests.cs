using System.Text.Json.Nodes;
using SesamTalk.Connectors.Salesforce.ChangeEvents;

namespace SesamTalk.Connectors.Tests.Salesforce.PubSub;

/// <summary>The change event subscriber against the emulator's Pub/Sub API.</summary>
public sealed class SalesforceChangeEventSubscriberTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_update_arrives_with_its_entity_record_change_type_changed_fields_and_commit_time()
    {
        var clock = new ManualClock(Start);
        await using var org = await ChangeEventOrg.StartAsync(o => o.TimeProvider = clock);
        var id = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme", ["BillingCity"] = "Oslo" });
        await using var reader = new NotificationReader(org.Subscriber, ["Account"]);
        reader.Start();
        await org.WaitForStreamsAsync();

        clock.Advance(TimeSpan.FromMinutes(3));
        org.Emulator.Edit(id, new JsonObject { ["Name"] = "Acme AS", ["BillingCity"] = "Bergen" });
        var update = Assert.Single(await reader.TakeAsync(1));

        Assert.Equal("Account", update.Entity);
        Assert.Equal([id], update.RecordIds);
        Assert.Equal(SalesforceChangeType.Update, update.ChangeType);
        Assert.Equal(["Name", "LastModifiedDate", "BillingAddress.City"], update.ChangedFields);
        Assert.Equal(Start.AddMinutes(3), update.CommitTimestamp);
        Assert.NotEmpty(Convert.FromBase64String(update.ReplayId));
    }

    [Fact]
    public async Task A_stored_replay_id_resumes_with_exactly_the_later_events()
    {
        await using var org = await ChangeEventOrg.StartAsync();
        string stored;
        var ids = new List<string>();
        await using (var first = new NotificationReader(org.Subscriber, ["Product2"]))
        {
            first.Start();
            await org.WaitForStreamsAsync();
            ids.Add(org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "P0" }));
            ids.Add(org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "P1" }));
            var seen = await first.TakeAsync(2);
            Assert.Equal(SalesforceChangeType.Create, seen[0].ChangeType);
            Assert.Empty(seen[0].ChangedFields);
            stored = seen[0].ReplayId;
        }

        await org.WaitForStreamsAsync(0);
        ids.Add(org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "P2" }));
        await using var resumed = new NotificationReader(org.Subscriber, ["Product2"], stored);
        var later = await resumed.TakeAsync(2);
        Assert.Equal(ids[1..], later.Select(n => Assert.Single(n.RecordIds)));
        Assert.Null(await resumed.NextAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task An_expired_replay_id_surfaces_as_SalesforceReplayIdExpiredException()
    {
        var clock = new ManualClock(Start);
        await using var org = await ChangeEventOrg.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.TokenLifetime = TimeSpan.FromDays(7);
        });
        string stored;
        await using (var first = new NotificationReader(org.Subscriber, ["Product2"]))
        {
            first.Start();
            await org.WaitForStreamsAsync();
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Old" });
            stored = Assert.Single(await first.TakeAsync(1)).ReplayId;
        }

        clock.Advance(TimeSpan.FromHours(73));
        await using var expired = new NotificationReader(org.Subscriber, ["Product2"], stored);
        var error = await Assert.ThrowsAsync<SalesforceReplayIdExpiredException>(() => expired.NextAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal("/data/Product2ChangeEvent", error.TopicName);
        Assert.Equal(stored, error.ReplayId);
    }

    [Fact]
    public async Task A_dropped_stream_resumes_without_losing_or_repeating_events()
    {
        await using var org = await ChangeEventOrg.StartAsync();
        await using var reader = new NotificationReader(org.Subscriber, ["Product2"]);
        reader.Start();
        await org.WaitForStreamsAsync();
        var ids = new List<string> { org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Before" }) };
        var seen = await reader.TakeAsync(1);

        org.Emulator.DropPubSubStreams();
        await org.WaitForStreamsAsync(0);
        ids.Add(org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "While down 1" }));
        ids.Add(org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "While down 2" }));
        seen.AddRange(await reader.TakeAsync(2));
        await org.WaitForStreamsAsync();
        ids.Add(org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "After" }));
        seen.AddRange(await reader.TakeAsync(1));

        Assert.Equal(ids, seen.Select(n => Assert.Single(n.RecordIds)));
        Assert.Null(await reader.NextAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Several_types_come_from_the_standard_channel_and_other_objects_are_left_out()
    {
        Assert.Equal("/data/ChangeEvents", SalesforceChangeEventSubscriber.TopicFor(["Account", "Contact"]));
        Assert.Equal("/data/Project__ChangeEvent", SalesforceChangeEventSubscriber.TopicFor(["Project__c"]));
        await using var org = await ChangeEventOrg.StartAsync();
        await using var reader = new NotificationReader(org.Subscriber, ["Account", "Contact"]);
        reader.Start();
        await org.WaitForStreamsAsync();

        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme" });
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Not subscribed" });
        var contact = org.Emulator.Seed("Contact", new JsonObject { ["LastName"] = "Nordmann" });
        org.Emulator.Delete(contact);

        var seen = await reader.TakeAsync(3);
        Assert.Equal([$"Account {account} Create", $"Contact {contact} Create", $"Contact {contact} Delete"],
            seen.Select(n => $"{n.Entity} {Assert.Single(n.RecordIds)} {n.ChangeType}"));
    }
}
