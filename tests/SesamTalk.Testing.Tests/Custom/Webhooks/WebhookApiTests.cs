using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.Custom.Webhooks;

public sealed class WebhookApiTests
{
    private const string Catalog = """
        { "system": "Customcrm", "objects": [ { "name": "Product", "createable": true, "updateable": true, "deletable": true, "fields": [
          { "name": "Sku", "type": "string", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false } ] } ] }
        """;

    [Fact]
    public async Task CreateShowsTheSecretOnceThenGetListAndDeleteManageTheSubscription()
    {
        await using var system = await TestSystem.StartAsync();

        var created = await system.PostAsync("webhooks", new JsonObject { ["url"] = "https://shop.example.com/sesamtalk/notifications/customcrm", ["types"] = new JsonArray("Product", "Customer") });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Id;
        Assert.StartsWith("wh_", id, StringComparison.Ordinal);
        Assert.Equal("/webhooks/" + id, created.Headers["Location"]);
        Assert.StartsWith("whsec_", (string)created.Body!["secret"]!, StringComparison.Ordinal);
        Assert.Equal("enabled", (string)created.Body["status"]!);
        Assert.Equal(0, (int)created.Body["consecutiveFailures"]!);
        Assert.Equal("2024-09-10T14:20:17.123Z", (string)created.Body["createdAt"]!);

        var read = await system.GetAsync("webhooks/" + id);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Null(read.Body!["secret"]);
        Assert.Equal(["Product", "Customer"], read.Body["types"]!.AsArray().Select(t => (string)t!));

        var list = await system.GetAsync("webhooks");
        Assert.Equal([id], list.Body!["webhooks"]!.AsArray().Select(w => (string)w!["id"]!));
        Assert.DoesNotContain("secret", list.Body.ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await system.DeleteAsync("webhooks/" + id)).Status);
        var gone = await system.GetAsync("webhooks/" + id);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("not-found", gone.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await system.DeleteAsync("webhooks/" + id)).Status);
    }

    [Fact]
    public async Task ASubscriberMayBringItsOwnSecret()
    {
        await using var system = await TestSystem.StartAsync();
        var secret = new string('k', 40);

        var created = await system.PostAsync("webhooks", new JsonObject { ["url"] = "https://shop.example.com/hook", ["types"] = new JsonArray("Product"), ["secret"] = secret, ["description"] = "SesamTalk" });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(secret, (string)created.Body!["secret"]!);
        Assert.Equal("SesamTalk", (string)created.Body["description"]!);
    }

    [Fact]
    public async Task AnInvalidSubscriptionIsAValidationProblemNamingEachMember()
    {
        await using var system = await TestSystem.StartAsync(o => o.Catalog = Catalog);

        var reply = await system.PostAsync("webhooks", new JsonObject { ["url"] = "http://shop.example.com/hook", ["types"] = new JsonArray("Product", "Invoice"), ["secret"] = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("validation", reply.Code);
        var errors = reply.Problem["errors"]!.AsArray().Select(e => ((string)e!["field"]!, (string)e["code"]!)).ToList();
        Assert.Equal([("url", "invalid-url"), ("types", "unknown-type"), ("secret", "invalid-secret")], errors);
        Assert.Contains("'Invoice'", (string)reply.Problem["detail"]!, StringComparison.Ordinal);
        Assert.Empty(system.Emulator.Webhooks);
    }

    [Fact]
    public async Task WebhooksNeedTheApiKeyAndTypesAreAnsweredInCatalogSpelling()
    {
        await using var system = await TestSystem.StartAsync(o => o.Catalog = Catalog);

        var created = await system.PostAsync("webhooks", new JsonObject { ["url"] = "http://127.0.0.1:9/hook", ["types"] = new JsonArray("product") });
        Assert.Equal(["Product"], created.Body!["types"]!.AsArray().Select(t => (string)t!));

        system.Http.DefaultRequestHeaders.Authorization = null;
        var refused = await system.GetAsync("webhooks");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("unauthorized", refused.Code);
    }
}
