using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.SuperOffice;

public sealed class WebhookTests
{
    private static readonly DateTimeOffset Now = new(2018, 4, 5, 8, 28, 1, TimeSpan.Zero);

    [Fact]
    public async Task WritesRecordNotificationsInTheDocumentedShape()
    {
        await using var tenant = await TestTenant.StartAsync(clock: new ManualClock(Now));
        var created = await tenant.CreateAsync("Contact", new JsonObject { ["Name"] = "Albex" });
        var id = (int)created["ContactId"]!;
        await tenant.PatchAsync($"{tenant.Root}/Contact/{id}", new JsonObject { ["Name"] = "Albex AS" });
        await tenant.PatchAsync($"{tenant.Root}/Contact/{id}", new JsonObject { ["Name"] = "Albex AS" });
        tenant.Emulator.Delete("Contact", id);

        var events = tenant.Emulator.WebhookNotifications;

        var fixture = Fixtures.SuperOffice.Load("webhook_contact_changed.json").AsObject();
        Assert.Equal(["contact.created", "contact.changed", "contact.deleted"], events.Select(e => (string)e["Event"]!));
        Assert.All(events, e => Assert.Equal(fixture.Select(p => p.Key), e.Select(p => p.Key)));
        var changed = events[1];
        Assert.Equal(["name", "updated", "updated_associate_id"], changed["Changes"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(id, (int)changed["PrimaryKey"]!);
        Assert.Equal("contact", (string)changed["Entity"]!);
        Assert.Equal("Cust12345", (string)changed["ContextIdentifier"]!);
        Assert.Equal(5, (int)changed["ChangedByAssociateId"]!);
        Assert.Equal("2018-04-05T08:28:01.0000000Z", (string)changed["Timestamp"]!);
        Assert.True(Guid.TryParse((string)changed["EventId"]!, out _));
        Assert.Equal(fixture["PrimaryKey"]!.GetValueKind(), changed["PrimaryKey"]!.GetValueKind());
    }

    [Fact]
    public async Task SeedingAndQuoteWritesSendNone()
    {
        await using var tenant = await TestTenant.StartAsync();
        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Seeded" });
        await tenant.SendAsync(HttpMethod.Post, $"{tenant.Root}/Agents/Quote/SaveProduct", """{"Product":{"Name":"P"}}""");
        var person = await tenant.CreateAsync("Person", new JsonObject { ["Firstname"] = "Kari", ["Contact"] = new JsonObject { ["ContactId"] = 1 } });

        Assert.Equal("person.created", (string)Assert.Single(tenant.Emulator.WebhookNotifications)["Event"]!);
        Assert.Contains("firstname", tenant.Emulator.WebhookNotifications[0]["Changes"]!.AsArray().Select(c => (string)c!));
        tenant.Emulator.ClearWebhookNotifications();
        Assert.Empty(tenant.Emulator.WebhookNotifications);
        Assert.Equal(1, (int)person["PersonId"]!);
    }
}
