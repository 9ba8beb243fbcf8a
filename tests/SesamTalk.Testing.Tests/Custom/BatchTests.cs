using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.Custom;

public sealed class BatchTests
{
    private static JsonObject Create(string sku, string? key = null) => key is null
        ? new() { ["op"] = "create", ["fields"] = new JsonObject { ["Sku"] = sku } }
        : new() { ["op"] = "create", ["idempotencyKey"] = key, ["fields"] = new JsonObject { ["Sku"] = sku } };

    private static JsonObject Update(string id, string? ifMatch, string sku) =>
        new() { ["op"] = "update", ["id"] = id, ["ifMatch"] = ifMatch, ["fields"] = new JsonObject { ["Sku"] = sku } };

    private static JsonObject Batch(IEnumerable<JsonObject> items) => new() { ["items"] = new JsonArray([.. items]) };

    [Fact]
    public async Task EachItemGetsTheResultItsSingleCallWouldGive()
    {
        await using var system = await TestSystem.StartAsync();
        var existing = await system.CreateAsync("Product", new JsonObject { ["Sku"] = "E-1" });
        var id = (string)existing["id"]!;
        var version = (string)existing["version"]!;

        var reply = await system.PostAsync("Product/batch", Batch(
        [
            Create("N-1", "k1"),
            Create("N-1", "k1"),
            Update(id, version, "E-2"),
            Update(id, version, "E-3"),
            Update("nope", null, "x"),
            new JsonObject { ["op"] = "upsert" },
            new JsonObject { ["op"] = "create" },
        ]));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var results = reply.Body!["results"]!.AsArray();
        Assert.Equal([201, 200, 200, 412, 404, 400, 400], results.Select(r => (int)r!["status"]!));
        Assert.Equal(Enumerable.Range(0, 7), results.Select(r => (int)r!["index"]!));
        Assert.Equal((string)results[0]!["record"]!["id"]!, (string)results[1]!["record"]!["id"]!);
        Assert.Equal("E-2", (string)results[2]!["record"]!["fields"]!["Sku"]!);
        Assert.Equal("precondition-failed", (string)results[3]!["problem"]!["code"]!);
        Assert.Equal("nope", (string)results[4]!["problem"]!["recordId"]!);
        Assert.Equal("malformed-batch-item", (string)results[5]!["problem"]!["code"]!);
        Assert.Equal("/Product/batch#/items/5", (string)results[5]!["problem"]!["instance"]!);
        Assert.Equal("malformed-record", (string)results[6]!["problem"]!["code"]!);
        Assert.Equal(2, system.Emulator.GetRecords("Product").Count);
        Assert.Equal("E-2", (string)system.Emulator.GetRecord("Product", id)!.Fields["Sku"]!);
    }

    [Fact]
    public async Task AHundredItemsAreAcceptedAndMoreAreRefusedWhole()
    {
        await using var system = await TestSystem.StartAsync();

        var full = await system.PostAsync("Product/batch", Batch(Enumerable.Range(0, 100).Select(i => Create($"S-{i}"))));
        var over = await system.PostAsync("Product/batch", Batch(Enumerable.Range(0, 101).Select(i => Create($"T-{i}"))));

        Assert.All(full.Body!["results"]!.AsArray(), r => Assert.Equal(201, (int)r!["status"]!));
        Assert.Equal(HttpStatusCode.BadRequest, over.Status);
        Assert.Equal("batch-too-large", over.Code);
        Assert.Equal(100, system.Emulator.GetRecords("Product").Count);
    }

    [Theory]
    [InlineData("{\"items\": []}")]
    [InlineData("{\"items\": {}}")]
    [InlineData("{}")]
    public async Task ABatchWithoutItemsIs400(string body)
    {
        await using var system = await TestSystem.StartAsync();

        var reply = await system.SendAsync(HttpMethod.Post, "Product/batch", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("malformed-batch", reply.Code);
    }
}
