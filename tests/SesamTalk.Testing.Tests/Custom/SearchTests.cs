using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.Custom;

public sealed class SearchTests
{
    private static JsonObject Match(string field, JsonNode? value) => new() { ["match"] = new JsonObject { [field] = value } };

    private static async Task<TestSystem> WithCustomersAsync()
    {
        var system = await TestSystem.StartAsync();
        system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "solo@example.com", ["OrgNo"] = 912345678, ["Name"] = "Solo AS" });
        system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "twin@example.com", ["Name"] = "Twin A" });
        system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "TWIN@example.com", ["Name"] = "Twin B" });
        var gone = system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "gone@example.com" });
        system.Emulator.Delete("Customer", gone);
        return system;
    }

    [Theory]
    [InlineData("nobody@example.com", 0)]
    [InlineData("solo@example.com", 1)]
    [InlineData("twin@example.com", 2)]
    [InlineData("gone@example.com", 0)]
    public async Task ReturnsEveryLiveHitSoTheCallerSeesAmbiguity(string email, int hits)
    {
        await using var system = await WithCustomersAsync();

        var reply = await system.PostAsync("Customer/search", Match("Email", email));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var records = reply.Body!["records"]!.AsArray();
        Assert.Equal(hits, records.Count);
        Assert.All(records, r => Assert.Equal(email, (string)r!["fields"]!["Email"]!, ignoreCase: true));
    }

    [Fact]
    public async Task AllFieldsMustMatchAndNumbersCompareByValue()
    {
        await using var system = await WithCustomersAsync();

        var both = await system.PostAsync("Customer/search", new JsonObject
        {
            ["match"] = new JsonObject { ["OrgNo"] = 912345678.0m, ["Name"] = "solo as" },
        });
        var mismatch = await system.PostAsync("Customer/search", new JsonObject
        {
            ["match"] = new JsonObject { ["OrgNo"] = 912345678, ["Name"] = "Twin A" },
        });
        var missing = await system.PostAsync("Customer/search", Match("OrgNo", null));

        Assert.Equal("Solo AS", (string)Assert.Single(both.Body!["records"]!.AsArray())!["fields"]!["Name"]!);
        Assert.Empty(mismatch.Body!["records"]!.AsArray());
        Assert.Equal(2, missing.Body!["records"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"match\": {}}")]
    [InlineData("{\"match\": \"x\"}")]
    public async Task ASearchWithoutCriteriaIs400(string body)
    {
        await using var system = await WithCustomersAsync();

        var reply = await system.SendAsync(HttpMethod.Post, "Customer/search", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("malformed-search", reply.Code);
    }

    [Fact]
    public async Task ObjectValuesCannotBeMatched()
    {
        await using var system = await WithCustomersAsync();

        var reply = await system.PostAsync("Customer/search", Match("Email", new JsonObject()));

        Assert.Equal("validation", reply.Code);
        Assert.Equal("Email", (string)reply.Problem["errors"]![0]!["field"]!);
    }
}
