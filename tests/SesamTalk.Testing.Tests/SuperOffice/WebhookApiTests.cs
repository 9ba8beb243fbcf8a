using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.SuperOffice;

/// <summary>The <c>Webhook</c> resource: its members, filters, saves that test the target first, and the WebAPI's error body.</summary>
public sealed class WebhookApiTests
{
    [Fact]
    public async Task AWebhookIsCreatedReadListedChangedAndDeleted()
    {
        await using var target = await WebhookTarget.StartAsync();
        await using var tenant = await TestTenant.StartAsync();
        var id = await WebhookTests.RegisterAsync(tenant, target, ["contact.changed", "sale.changed"], "s3cret");

        var read = (await tenant.GetAsync($"{tenant.Root}/Webhook/{id}")).Body!.AsObject();
        Assert.Equal(
            ["WebhookId", "Name", "Events", "TargetUrl", "Secret", "State", "Type", "Headers", "Properties", "Registered", "RegisteredAssociate", "Updated", "UpdatedAssociate", "_Links"],
            read.Select(p => p.Key));
        Assert.Equal(["contact.changed", "sale.changed"], read["Events"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(target.Url, (string)read["TargetUrl"]!);
        Assert.Equal("Active", (string)read["State"]!);
        Assert.Equal("webhook", (string)read["Type"]!);

        var stopped = await tenant.PatchAsync($"{tenant.Root}/Webhook/{id}", new JsonObject { ["State"] = 2 });
        Assert.Equal("Stopped", (string)stopped.Body!["State"]!);
        Assert.Equal("s3cret", (string)stopped.Body["Secret"]!);
        Assert.False(await target.AnyWithinAsync(TimeSpan.FromMilliseconds(200)));

        var patched = await tenant.SendAsync(HttpMethod.Patch, $"{tenant.Root}/Webhook/{id}", """[{"op":"replace","path":"/Name","value":"Renamed"}]""");
        Assert.Equal("Renamed", (string)patched.Body!["Name"]!);

        var replaced = await tenant.PutAsync($"{tenant.Root}/Webhook/{id}", new JsonObject
        {
            ["Events"] = new JsonArray("person.created"),
            ["TargetUrl"] = target.Url,
            ["Type"] = "webhook",
        });
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal("test", (await target.NextAsync()).Event);
        Assert.Null(replaced.Body!["Secret"]);
        Assert.Null(replaced.Body["Name"]);
        Assert.Equal("Active", (string)replaced.Body["State"]!);

        Assert.Equal([id], (await tenant.GetAsync($"{tenant.Root}/Webhook?eventFilter=person.created")).Body!.AsArray().Select(w => (int)w!["WebhookId"]!));
        Assert.Empty((await tenant.GetAsync($"{tenant.Root}/Webhook?statusFilter=Stopped")).Body!.AsArray());
        Assert.Empty((await tenant.GetAsync($"{tenant.Root}/Webhook?nameFilter=Renamed")).Body!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.DeleteAsync($"{tenant.Root}/Webhook/{id}")).Status);
        var gone = await tenant.GetAsync($"{tenant.Root}/Webhook/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("SoNotFoundException", gone.ErrorType);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.DeleteAsync($"{tenant.Root}/Webhook/{id}")).Status);
        Assert.Empty((await tenant.GetAsync($"{tenant.Root}/Webhook")).Body!.AsArray());
    }

    [Fact]
    public async Task TheDefaultIsTheDocumentedOne()
    {
        await using var tenant = await TestTenant.StartAsync();

        var reply = await tenant.GetAsync($"{tenant.Root}/Webhook/default");

        Assert.Equal(
            """{"WebhookId":0,"Name":null,"Events":["contact.created","contact.deleted"],"TargetUrl":null,"Secret":null,"State":"Active","Type":"webhook","Headers":null,"Properties":null,"Registered":"0001-01-01T00:00:00","RegisteredAssociate":null,"Updated":"0001-01-01T00:00:00","UpdatedAssociate":null}""",
            reply.Body!.ToJsonString());
    }

    [Fact]
    public async Task ASaveWhoseTargetDoesNotAnswerTheTestEventWithOkFails()
    {
        await using var target = await WebhookTarget.StartAsync();
        await using var tenant = await TestTenant.StartAsync();
        target.Answer = _ => 404;

        var refused = await tenant.PostAsync($"{tenant.Root}/Webhook", new JsonObject
        {
            ["Name"] = "Nobody home",
            ["Events"] = new JsonArray("contact.changed"),
            ["TargetUrl"] = target.Url,
            ["Secret"] = "s",
        });
        var test = await target.NextAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("SoValidationException", refused.ErrorType);
        Assert.Contains("HTTP 404", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("test", (string)test.Json["Event"]!);
        Assert.Equal("Nobody home", (string)test.Json["WebhookName"]!);
        Assert.True(test.Headers.ContainsKey("X-SuperOffice-Signature"));
        Assert.Empty((await tenant.GetAsync($"{tenant.Root}/Webhook")).Body!.AsArray());
    }

    [Theory]
    [InlineData("""{"Events":["contact.changed"]}""", "TargetUrl")]
    [InlineData("""{"Events":["contact.changed"],"TargetUrl":"not a url"}""", "TargetUrl")]
    [InlineData("""{"Events":"contact.changed","TargetUrl":"http://127.0.0.1:1/"}""", "Events")]
    [InlineData("""{"Events":["contact.changed"],"TargetUrl":"http://127.0.0.1:1/","State":"Sleeping"}""", "State")]
    public async Task ABadWebhookIsRefusedNamingTheMember(string body, string member)
    {
        await using var tenant = await TestTenant.StartAsync();

        var reply = await tenant.SendAsync(HttpMethod.Post, $"{tenant.Root}/Webhook", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("SoValidationException", reply.ErrorType);
        Assert.Contains($"'{member}'", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookCallsNeedAToken()
    {
        await using var tenant = await TestTenant.StartAsync();
        tenant.Http.DefaultRequestHeaders.Authorization = null;

        var reply = await tenant.GetAsync($"{tenant.Root}/Webhook");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(1, tenant.Emulator.CallCount(Testing.SuperOffice.SuperOfficeEndpoint.Webhook));
    }
}
