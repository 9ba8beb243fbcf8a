using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.SuperOffice;

/// <summary>Deliveries: the documented payload and headers, the signature, retries with one event id, and TooManyErrors.</summary>
public sealed class WebhookTests
{
    private const string Secret = "Something Super Secret";
    private static readonly DateTimeOffset Now = new(2018, 4, 5, 8, 28, 1, TimeSpan.Zero);

    [Fact]
    public async Task WritesArePostedInTheDocumentedShapeSignedWithTheSecret()
    {
        await using var target = await WebhookTarget.StartAsync();
        await using var tenant = await TestTenant.StartAsync(clock: new ManualClock(Now));
        await RegisterAsync(tenant, target, ["contact.created", "contact.changed", "contact.deleted"], Secret);
        var created = await tenant.CreateAsync("Contact", new JsonObject { ["Name"] = "Albex" });
        var id = (int)created["ContactId"]!;
        await tenant.PatchAsync($"{tenant.Root}/Contact/{id}", new JsonObject { ["Name"] = "Albex AS" });
        await tenant.PatchAsync($"{tenant.Root}/Contact/{id}", new JsonObject { ["Name"] = "Albex AS" });
        tenant.Emulator.Delete("Contact", id);

        WebhookPost[] posts = [await target.NextEventAsync(), await target.NextEventAsync(), await target.NextEventAsync()];

        var fixture = Fixtures.SuperOffice.Load("webhook_contact_changed.json").AsObject();
        Assert.Equal(["contact.created", "contact.changed", "contact.deleted"], posts.Select(p => (string)p.Json["Event"]!));
        Assert.Equal(tenant.Emulator.WebhookNotifications.Select(n => n.ToJsonString()), posts.Select(p => p.Json.ToJsonString()));
        Assert.All(posts, post =>
        {
            Assert.Equal(fixture.Select(p => p.Key), post.Json.Select(p => p.Key));
            Assert.Equal((string)post.Json["Event"]!, post.Headers["X-SuperOffice-Event"]);
            Assert.Equal((string)post.Json["EventId"]!, post.Headers["X-SuperOffice-EventId"]);
            Assert.Equal("0", post.Headers["X-SuperOffice-Retry"]);
            Assert.StartsWith("NetServer-Webhook/", post.Headers["User-Agent"], StringComparison.Ordinal);
            Assert.StartsWith("application/json", post.Headers["Content-Type"], StringComparison.Ordinal);
            Assert.Equal(Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes(Secret)).ComputeHash(post.Body)), post.Headers["X-SuperOffice-Signature"]);
        });
        var changed = posts[1].Json;
        Assert.Equal(["name", "updated", "updated_associate_id"], changed["Changes"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(id, (int)changed["PrimaryKey"]!);
        Assert.Equal("contact", (string)changed["Entity"]!);
        Assert.Equal("Cust12345", (string)changed["ContextIdentifier"]!);
        Assert.Equal(5, (int)changed["ChangedByAssociateId"]!);
        Assert.Equal("SesamTalk test", (string)changed["WebhookName"]!);
        Assert.Equal("2018-04-05T08:28:01.0000000Z", (string)changed["Timestamp"]!);
        Assert.True(Guid.TryParse((string)changed["EventId"]!, out _));
        Assert.Equal(fixture["PrimaryKey"]!.GetValueKind(), changed["PrimaryKey"]!.GetValueKind());
    }

    [Fact]
    public async Task OnlyTheEventsAWebhookNamesAreSentAndWithoutASecretNothingIsSigned()
    {
        await using var target = await WebhookTarget.StartAsync();
        await using var tenant = await TestTenant.StartAsync();
        await RegisterAsync(tenant, target, ["person.created"], secret: null);
        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Seeded" });
        await tenant.SendAsync(HttpMethod.Post, $"{tenant.Root}/Agents/Quote/SaveProduct", """{"Product":{"Name":"P"}}""");
        await tenant.CreateAsync("Contact", new JsonObject { ["Name"] = "Not listened to" });
        var person = await tenant.CreateAsync("Person", new JsonObject { ["Firstname"] = "Kari", ["Contact"] = new JsonObject { ["ContactId"] = 1 } });

        var post = await target.NextEventAsync();

        Assert.Equal("person.created", post.Event);
        Assert.Equal((int)person["PersonId"]!, (int)post.Json["PrimaryKey"]!);
        Assert.Contains("firstname", post.Json["Changes"]!.AsArray().Select(c => (string)c!));
        Assert.False(post.Headers.ContainsKey("X-SuperOffice-Signature"));
        Assert.Equal("person.created", (string)Assert.Single(tenant.Emulator.WebhookNotifications)["Event"]!);
        Assert.False(await target.AnyWithinAsync(TimeSpan.FromMilliseconds(300)));
        tenant.Emulator.ClearWebhookNotifications();
        Assert.Empty(tenant.Emulator.WebhookNotifications);
    }

    [Fact]
    public async Task AFailedPostIsRetriedAfterTheConfiguredWaitsWithTheSameEventId()
    {
        await using var target = await WebhookTarget.StartAsync();
        await using var tenant = await TestTenant.StartAsync(options => Delays(options, 100, 400));
        await RegisterAsync(tenant, target, ["contact.created"], Secret);
        var failures = 2;
        target.Answer = post => post.Event == "test" || failures-- <= 0 ? 200 : 503;

        await tenant.CreateAsync("Contact", new JsonObject { ["Name"] = "Albex" });
        WebhookPost[] attempts = [await target.NextEventAsync(), await target.NextEventAsync(), await target.NextEventAsync()];

        Assert.Equal(["0", "1", "2"], attempts.Select(a => a.Headers["X-SuperOffice-Retry"]));
        Assert.Single(attempts.Select(a => a.Headers["X-SuperOffice-EventId"]).Distinct());
        Assert.Single(attempts.Select(a => Convert.ToBase64String(a.Body)).Distinct());
        Assert.True(attempts[1].Arrived - attempts[0].Arrived >= TimeSpan.FromMilliseconds(100));
        Assert.True(attempts[2].Arrived - attempts[1].Arrived >= TimeSpan.FromMilliseconds(400));
        Assert.False(await target.AnyWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task NineFailedPostsInARowStopTheWebhookUntilItIsSetActiveAgain()
    {
        await using var target = await WebhookTarget.StartAsync();
        await using var tenant = await TestTenant.StartAsync(options => Delays(options, 1, 1));
        var id = await RegisterAsync(tenant, target, ["contact.created"], Secret);
        target.Answer = post => post.Event == "test" ? 200 : 500;

        for (var n = 1; n <= 3; n++)
        {
            await tenant.CreateAsync("Contact", new JsonObject { ["Name"] = $"Failing {n}" });
        }

        var failed = new List<WebhookPost>();
        for (var n = 0; n < 9; n++)
        {
            failed.Add(await target.NextEventAsync());
        }

        Assert.Equal(3, failed.Select(p => p.Headers["X-SuperOffice-EventId"]).Distinct().Count());
        Assert.Equal("TooManyErrors", await StateWhenSettledAsync(tenant, id, "TooManyErrors"));
        await tenant.CreateAsync("Contact", new JsonObject { ["Name"] = "Not sent" });
        Assert.False(await target.AnyWithinAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(3, tenant.Emulator.WebhookNotifications.Count);

        target.Answer = _ => 200;
        var reset = await tenant.PatchAsync($"{tenant.Root}/Webhook/{id}", new JsonObject { ["State"] = "Active" });
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal("test", (await target.NextAsync()).Event);
        var again = await tenant.CreateAsync("Contact", new JsonObject { ["Name"] = "Sent again" });
        Assert.Equal((int)again["ContactId"]!, (int)(await target.NextEventAsync()).Json["PrimaryKey"]!);
        Assert.Equal("Active", await StateAsync(tenant, id));
    }

    /// <summary>Registers a webhook to <paramref name="target"/> through the API and takes the save's test event.</summary>
    internal static async Task<int> RegisterAsync(TestTenant tenant, WebhookTarget target, string[] events, string? secret)
    {
        var reply = await tenant.PostAsync($"{tenant.Root}/Webhook", new JsonObject
        {
            ["Name"] = "SesamTalk test",
            ["Events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]),
            ["TargetUrl"] = target.Url,
            ["Secret"] = secret,
            ["State"] = "Active",
            ["Type"] = "webhook",
        });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        Assert.Equal("test", (await target.NextAsync()).Event);
        return (int)reply.Body!["WebhookId"]!;
    }

    /// <summary>The state once it reads <paramref name="expected"/> (the post's outcome is counted after the target answered), or after 5 s.</summary>
    private static async Task<string> StateWhenSettledAsync(TestTenant tenant, int id, string expected)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        string state;
        while ((state = await StateAsync(tenant, id)) != expected && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return state;
    }

    private static async Task<string> StateAsync(TestTenant tenant, int id) => (string)(await tenant.GetAsync($"{tenant.Root}/Webhook/{id}")).Body!["State"]!;

    private static void Delays(Testing.SuperOffice.SuperOfficeEmulatorOptions options, int first, int second)
    {
        options.WebhookRetryDelays.Clear();
        options.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(first));
        options.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(second));
    }
}
