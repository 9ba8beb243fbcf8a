using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.Custom;

/// <summary><c>POST /{type}/read</c>: up to 100 records by id in one call, tombstones included, missing ids left out.</summary>
public sealed class ReadManyTests
{
    private static JsonObject Ids(params string[] ids) => new() { ["ids"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]) };

    [Fact]
    public async Task ReturnsEachRecordOnceInTheOrderAskedWithTombstonesAndLeavesOutUnknownIds()
    {
        await using var system = await TestSystem.StartAsync();
        var first = system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "first@example.com" });
        var second = system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "second@example.com" });
        var gone = system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "gone@example.com" });
        system.Emulator.Delete("Customer", gone);

        var reply = await system.PostAsync("Customer/read", Ids(second, "no-such-id", gone, first, second));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var records = reply.Body!["records"]!.AsArray();
        Assert.Equal([second, gone, first], records.Select(r => (string)r!["id"]!));
        Assert.Equal([false, true, false], records.Select(r => (bool)r!["deleted"]!));
        Assert.Equal("second@example.com", (string)records[0]!["fields"]!["Email"]!);
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty((string?)r!["version"])));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"ids\": []}")]
    [InlineData("{\"ids\": \"x\"}")]
    [InlineData("{\"ids\": [1]}")]
    [InlineData("{\"ids\": [\"\"]}")]
    public async Task AReadWithoutIdsIs400(string body)
    {
        await using var system = await TestSystem.StartAsync();

        var reply = await system.SendAsync(HttpMethod.Post, "Customer/read", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("malformed-read", reply.Code);
    }

    [Fact]
    public async Task MoreThan100IdsIs400()
    {
        await using var system = await TestSystem.StartAsync();

        var reply = await system.PostAsync("Customer/read", Ids([.. Enumerable.Range(0, 101).Select(i => $"id-{i}")]));

        Assert.Equal(("malformed-read", HttpStatusCode.BadRequest), (reply.Code, reply.Status));
    }
}
