using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Testing.Tests.Custom;

public sealed class IdempotencyTests
{
    private static JsonObject Body(string sku) => new() { ["fields"] = new JsonObject { ["Sku"] = sku } };

    [Fact]
    public async Task ARepeatWithTheSameKeyReturnsTheFirstRecordWith200()
    {
        await using var system = await TestSystem.StartAsync();

        var first = await system.PostAsync("Product", Body("W-1"), ("Idempotency-Key", "create-w1"));
        var repeat = await system.PostAsync("Product", Body("W-1"), ("Idempotency-Key", "create-w1"));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, repeat.Status);
        Assert.Equal("true", repeat.Headers["Idempotent-Replayed"]);
        Assert.True(JsonNode.DeepEquals(first.Body, repeat.Body));
        Assert.Equal(first.Headers["Location"], repeat.Headers["Location"]);
        Assert.Single(system.Emulator.GetRecords("Product"));
    }

    [Fact]
    public async Task TheReplayShowsTheRecordAsItIsNow()
    {
        await using var system = await TestSystem.StartAsync();
        var first = await system.PostAsync("Product", Body("W-1"), ("Idempotency-Key", "k"));
        system.Emulator.Edit("Product", first.Id, new JsonObject { ["Sku"] = "W-1b" });

        var repeat = await system.PostAsync("Product", Body("W-1"), ("Idempotency-Key", "k"));

        Assert.Equal(first.Id, repeat.Id);
        Assert.Equal("W-1b", (string)repeat.Body!["fields"]!["Sku"]!);
    }

    [Fact]
    public async Task DifferentKeysOrNoKeyCreateNewRecordsAndKeysArePerType()
    {
        await using var system = await TestSystem.StartAsync();

        await system.PostAsync("Product", Body("W-1"), ("Idempotency-Key", "a"));
        await system.PostAsync("Product", Body("W-1"), ("Idempotency-Key", "b"));
        await system.PostAsync("Product", Body("W-1"));
        await system.PostAsync("Product", Body("W-1"));
        var otherType = await system.PostAsync("Customer", Body("W-1"), ("Idempotency-Key", "a"));

        Assert.Equal(4, system.Emulator.GetRecords("Product").Count);
        Assert.Equal(HttpStatusCode.Created, otherType.Status);
    }

    [Fact]
    public async Task ARetryAfterALostResponseDoesNotDuplicate()
    {
        await using var system = await TestSystem.StartAsync();
        system.Emulator.Inject(CustomFault.LoseResponse().On(CustomEndpoint.Create));

        await Assert.ThrowsAsync<HttpRequestException>(() => system.PostAsync("Product", Body("W-1"), ("Idempotency-Key", "intent-42")));
        var retry = await system.PostAsync("Product", Body("W-1"), ("Idempotency-Key", "intent-42"));

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal(retry.Id, Assert.Single(system.Emulator.GetRecords("Product")).Id);
    }

    [Fact]
    public async Task ConcurrentRepeatsCreateOneRecord()
    {
        await using var system = await TestSystem.StartAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => system.PostAsync("Product", Body("W-1"), ("Idempotency-Key", "same"))));

        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.Equal(19, replies.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Single(replies.Select(r => r.Id).Distinct());
        Assert.Single(system.Emulator.GetRecords("Product"));
    }

    [Fact]
    public async Task AnOverlongKeyIsRefused()
    {
        await using var system = await TestSystem.StartAsync();

        var reply = await system.PostAsync("Product", Body("W-1"), ("Idempotency-Key", new string('k', 256)));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("invalid-idempotency-key", reply.Code);
        Assert.Empty(system.Emulator.GetRecords("Product"));
    }
}
