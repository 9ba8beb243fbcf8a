using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.Custom;

public sealed class CrudTests
{
    [Fact]
    public async Task CreateAnswers201WithTheRecordLocationAndETag()
    {
        await using var system = await TestSystem.StartAsync();

        var reply = await system.PostAsync("Product", new JsonObject { ["fields"] = new JsonObject { ["Sku"] = "W-1", ["Price"] = 9.5m } });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        var id = reply.Id;
        Assert.Equal(
            $$$"""{"id":"{{{id}}}","type":"Product","modifiedAt":"2024-09-10T14:20:17.123Z","deleted":false,"version":"{{{reply.Version}}}","fields":{"Sku":"W-1","Price":9.5}}""",
            reply.Body!.ToJsonString());
        Assert.Equal($"/Product/{id}", reply.Headers["Location"]);
        Assert.Equal($"\"{reply.Version}\"", reply.Headers["ETag"]);
    }

    [Fact]
    public async Task GetReturnsTheRecordWithItsETag()
    {
        await using var system = await TestSystem.StartAsync();
        var created = await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1" });

        var reply = await system.GetAsync($"Product/{created["id"]}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(JsonNode.DeepEquals(created, reply.Body));
        Assert.Equal($"\"{created["version"]}\"", reply.Headers["ETag"]);
    }

    [Fact]
    public async Task UpdateSetsOnlyTheSentFieldsAndMovesVersionAndStamp()
    {
        await using var system = await TestSystem.StartAsync();
        var created = await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1", ["Name"] = "Widget", ["Note"] = "old" });
        system.Clock.Advance(TimeSpan.FromSeconds(5));

        var reply = await system.PutAsync($"Product/{created["id"]}", new JsonObject
        {
            ["id"] = "ignored", ["version"] = "ignored", ["fields"] = new JsonObject { ["Name"] = "Gadget", ["Note"] = null },
        });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal((string)created["id"]!, reply.Id);
        Assert.NotEqual((string)created["version"]!, reply.Version);
        Assert.Equal("2024-09-10T14:20:22.123Z", (string)reply.Body!["modifiedAt"]!);
        Assert.Equal("""{"Sku":"W-1","Name":"Gadget","Note":null}""", reply.Body["fields"]!.ToJsonString());
        Assert.Equal($"\"{reply.Version}\"", reply.Headers["ETag"]);
    }

    [Fact]
    public async Task DeleteLeavesATombstoneThatGetAnswersWith410()
    {
        await using var system = await TestSystem.StartAsync();
        var id = (string)(await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1" }))["id"]!;

        var deleted = await system.DeleteAsync($"Product/{id}");
        var get = await system.GetAsync($"Product/{id}");
        var put = await system.PutAsync($"Product/{id}", new JsonObject { ["fields"] = new JsonObject { ["Sku"] = "W-2" } });

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Null(deleted.Body);
        Assert.Equal(HttpStatusCode.Gone, get.Status);
        Assert.Equal("gone", get.Code);
        Assert.Equal(id, (string)get.Problem["recordId"]!);
        Assert.Equal(HttpStatusCode.Gone, put.Status);
        var tombstone = system.Emulator.GetRecord("Product", id)!;
        Assert.True(tombstone.Deleted);
        Assert.Empty(tombstone.Fields);
        Assert.Empty(system.Emulator.GetRecords("Product"));
        Assert.Single(system.Emulator.GetRecords("Product", includeDeleted: true));
    }

    [Fact]
    public async Task UnknownIdsAre404ProblemsNamingTheRecord()
    {
        await using var system = await TestSystem.StartAsync();

        var get = await system.GetAsync("Product/nope");
        var put = await system.PutAsync("Product/nope", new JsonObject { ["fields"] = new JsonObject() });
        var delete = await system.DeleteAsync("Product/nope");

        foreach (var reply in new[] { get, put, delete })
        {
            Assert.Equal(HttpStatusCode.NotFound, reply.Status);
            Assert.Equal("not-found", reply.Code);
            Assert.Equal("Product", (string)reply.Problem["recordType"]!);
            Assert.Equal("nope", (string)reply.Problem["recordId"]!);
            Assert.Equal("/Product/nope", (string)reply.Problem["instance"]!);
        }
    }

    [Theory]
    [InlineData("{\"fields\": {\"Sku\": ", "malformed-json")]
    [InlineData("", "malformed-json")]
    [InlineData("[1, 2]", "malformed-json")]
    [InlineData("{\"Sku\": \"W-1\"}", "malformed-record")]
    [InlineData("{\"fields\": [\"W-1\"]}", "malformed-record")]
    public async Task BadBodiesAre400Problems(string body, string code)
    {
        await using var system = await TestSystem.StartAsync();

        var reply = await system.SendAsync(HttpMethod.Post, "Product", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(code, reply.Code);
        Assert.Empty(system.Emulator.GetRecords("Product"));
    }

    [Fact]
    public async Task TypesAreSeparateAndSeededRecordsAreServed()
    {
        await using var system = await TestSystem.StartAsync();
        var id = system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "a@example.com" }, TestSystem.Start.AddDays(-1));

        var asCustomer = await system.GetAsync($"Customer/{id}");
        var asProduct = await system.GetAsync($"Product/{id}");

        Assert.Equal("2024-09-09T14:20:17.123Z", (string)asCustomer.Body!["modifiedAt"]!);
        Assert.Equal(HttpStatusCode.NotFound, asProduct.Status);
    }
}
