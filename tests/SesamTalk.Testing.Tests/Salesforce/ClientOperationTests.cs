using System.Net;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>
/// The everyday calls of jsforce (src/connection.ts, src/query.ts, src/oauth2.ts) as it sends them: the version list,
/// the version's resources and the identity URL behind <c>identity()</c>, collections updates with a lower-case
/// <c>id</c>, and <c>queryAll</c> continued through <c>/query/{locator}</c>, which is the only locator URL jsforce builds.
/// </summary>
public sealed class ClientOperationTests
{
    [Fact]
    public async Task TheVersionListAnswersWithAndWithoutTheTrailingSlashAndWithoutASession()
    {
        await using var org = await TestOrg.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = org.Emulator.BaseUrl };

        using var slash = await anonymous.GetAsync("services/data/");
        using var bare = await anonymous.GetAsync("services/data");

        Assert.Equal(HttpStatusCode.OK, slash.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Contains(JsonNode.Parse(await slash.Content.ReadAsStringAsync())!.AsArray(), v => (string)v!["url"]! == V);
    }

    [Fact]
    public async Task TheVersionsResourcesNameTheIdentityUrlWhichAnswersForTheTokensUser()
    {
        await using var org = await TestOrg.StartAsync();

        var resources = await org.GetAsync(V);
        var identityUrl = (string)resources.Body!["identity"]!;
        // jsforce: GET {identity}?format=json&oauth_token={token}, without an Authorization header.
        using var anonymous = new HttpClient();
        var token = org.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        using var identity = await anonymous.GetAsync($"{identityUrl}?format=json&oauth_token={Uri.EscapeDataString(token)}");
        using var refused = await anonymous.GetAsync($"{identityUrl}?format=json&oauth_token=bogus");

        Assert.Equal($"{V}/sobjects", (string)resources.Body["sobjects"]!);
        Assert.StartsWith(org.Emulator.BaseUrl + "id/", identityUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, identity.StatusCode);
        var body = JsonNode.Parse(await identity.Content.ReadAsStringAsync())!;
        Assert.Equal(org.Emulator.UserId, (string)body["user_id"]!);
        Assert.Equal(identityUrl, (string)body["id"]!);
        Assert.Equal(org.Emulator.Username, (string)body["username"]!);
        Assert.EndsWith("/services/data/v{version}/", (string)body["urls"]!["rest"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task CollectionsUpdateTakesTheIdAsJsforceWritesIt()
    {
        await using var org = await TestOrg.StartAsync();
        var id = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Widget" });

        var reply = await org.PatchAsync($"{V}/composite/sobjects", new JsonObject
        {
            ["allOrNone"] = false,
            ["records"] = new JsonArray(new JsonObject { ["id"] = id, ["attributes"] = new JsonObject { ["type"] = "Product2" }, ["Name"] = "Gadget" }),
        });

        reply.AssertBody($$"""[{"id":"{{id}}","success":true,"errors":[]}]""");
        Assert.Equal("Gadget", (string)org.Emulator.GetRecord(id)!["Name"]!);
    }

    [Fact]
    public async Task QueryAllContinuesThroughTheQueryLocatorUrl()
    {
        await using var org = await TestOrg.StartAsync();
        for (var i = 0; i < 250; i++)
        {
            var id = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{i}" });
            if (i % 2 == 0)
            {
                org.Emulator.Delete(id);
            }
        }

        var first = await org.GetAsync($"{V}/queryAll?q={Uri.EscapeDataString("SELECT Id FROM Product2")}", ("Sforce-Query-Options", "batchSize=200"));
        var locator = ((string)first.Body!["nextRecordsUrl"]!).Split('/')[^1];
        var next = await org.GetAsync($"{V}/query/{locator}");

        Assert.Equal(250, (int)first.Body["totalSize"]!);
        Assert.Equal(50, next.Body!["records"]!.AsArray().Count);
        Assert.True((bool)next.Body["done"]!);
    }
}
