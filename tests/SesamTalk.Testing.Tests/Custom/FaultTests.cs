using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Testing.Tests.Custom;

public sealed class FaultTests
{
    private static readonly JsonObject Widget = new() { ["fields"] = new JsonObject { ["Sku"] = "W-1" } };

    [Fact]
    public async Task ATooManyRequestsStormCarriesRetryAfterAndProcessesNothing()
    {
        await using var system = await TestSystem.StartAsync(o => o.RateLimit = 500);
        system.Emulator.Inject(CustomFault.TooManyRequests(TimeSpan.FromSeconds(2.5)).On(CustomEndpoint.Create).Times(3));

        var replies = new List<CustomReply>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await system.PostAsync("Product", Widget));
        }

        Assert.Equal([(HttpStatusCode)429, (HttpStatusCode)429, (HttpStatusCode)429, HttpStatusCode.Created], replies.Select(r => r.Status));
        var limited = replies[0];
        Assert.Equal("rate-limited", limited.Code);
        Assert.Equal("3", limited.Headers["Retry-After"]);
        Assert.Equal("500", limited.Headers["RateLimit-Limit"]);
        Assert.Equal("0", limited.Headers["RateLimit-Remaining"]);
        Assert.Equal("3", limited.Headers["RateLimit-Reset"]);
        Assert.Single(system.Emulator.GetRecords("Product"));
        Assert.Equal(4, system.Emulator.CallCount(CustomEndpoint.Create));
    }

    [Fact]
    public async Task TheRateLimitCountsDownAndRestartsWithItsWindow()
    {
        await using var system = await TestSystem.StartAsync(o => { o.RateLimit = 2; o.RateLimitWindow = TimeSpan.FromSeconds(10); });

        var first = await system.GetAsync("Product/changes");
        system.Clock.Advance(TimeSpan.FromSeconds(4));
        var second = await system.GetAsync("Product/changes");
        var third = await system.GetAsync("Product/changes");
        system.Clock.Advance(TimeSpan.FromSeconds(6));
        var fresh = await system.GetAsync("Product/changes");

        Assert.Equal(("1", "10"), (first.Headers["RateLimit-Remaining"], first.Headers["RateLimit-Reset"]));
        Assert.Equal(("0", "6"), (second.Headers["RateLimit-Remaining"], second.Headers["RateLimit-Reset"]));
        Assert.Equal((HttpStatusCode)429, third.Status);
        Assert.Equal("6", third.Headers["Retry-After"]);
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal("1", fresh.Headers["RateLimit-Remaining"]);
    }

    [Fact]
    public async Task AnExhaustedBudgetAnswers429UntilTheWindowRestarts()
    {
        await using var system = await TestSystem.StartAsync();
        system.Emulator.ExhaustRateLimit();

        var limited = await system.GetAsync("Product/changes");
        system.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await system.GetAsync("Product/changes");

        Assert.Equal((HttpStatusCode)429, limited.Status);
        Assert.Equal("60", limited.Headers["Retry-After"]);
        Assert.Equal(HttpStatusCode.OK, later.Status);
    }

    [Fact]
    public async Task ServerErrorsAreProblemsAndRepeatAsAsked()
    {
        await using var system = await TestSystem.StartAsync();
        system.Emulator.Inject(CustomFault.ServiceUnavailable(TimeSpan.FromSeconds(1)).Times(2));
        system.Emulator.Inject(CustomFault.ServerError(502));

        var replies = new List<CustomReply>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await system.GetAsync("Product/changes"));
        }

        Assert.Equal(
            [HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK],
            replies.Select(r => r.Status));
        Assert.Equal("1", replies[0].Headers["Retry-After"]);
        Assert.Equal("server-error", replies[2].Code);
    }

    [Fact]
    public async Task ASlowResponseArrivesLate()
    {
        await using var system = await TestSystem.StartAsync();
        system.Emulator.Inject(CustomFault.Slow(TimeSpan.FromMilliseconds(300)));
        var watch = Stopwatch.StartNew();

        var reply = await system.PostAsync("Product", Widget);

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task ALostResponseStillCommitsTheWrite()
    {
        await using var system = await TestSystem.StartAsync();
        system.Emulator.Inject(CustomFault.LoseResponse().On(CustomEndpoint.Update));
        var id = (string)(await system.CreateAsync("Product", new JsonObject { ["Sku"] = "W-1" }))["id"]!;

        await Assert.ThrowsAsync<HttpRequestException>(() => system.PutAsync($"Product/{id}", new JsonObject { ["fields"] = new JsonObject { ["Sku"] = "W-2" } }));

        Assert.Equal("W-2", (string)system.Emulator.GetRecord("Product", id)!.Fields["Sku"]!);
    }

    [Fact]
    public async Task AMalformedBodyStillCommitsTheWrite()
    {
        await using var system = await TestSystem.StartAsync();
        system.Emulator.Inject(CustomFault.MalformedBody().On(CustomEndpoint.Batch));

        await Assert.ThrowsAnyAsync<JsonException>(() => system.PostAsync("Product/batch", new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["op"] = "create", ["fields"] = new JsonObject() }),
        }));

        Assert.Single(system.Emulator.GetRecords("Product"));
    }

    [Fact]
    public async Task CallsAreCountedPerEndpointFaultedAndRefusedOnesIncluded()
    {
        await using var system = await TestSystem.StartAsync();
        system.Emulator.Inject(CustomFault.ServerError().On(CustomEndpoint.Get));
        var id = (string)(await system.CreateAsync("Product", new JsonObject()))["id"]!;

        await system.GetAsync($"Product/{id}");
        await system.GetAsync($"Product/{id}");
        await system.PostAsync("Product/search", new JsonObject { ["match"] = new JsonObject { ["Sku"] = "x" } });
        await system.DeleteAsync($"Product/{id}");
        await system.GetAsync("Product/changes");
        system.Http.DefaultRequestHeaders.Authorization = null;
        await system.GetAsync("Product/changes");

        Assert.Equal(
            new Dictionary<CustomEndpoint, int>
            {
                [CustomEndpoint.Create] = 1, [CustomEndpoint.Get] = 2, [CustomEndpoint.Search] = 1, [CustomEndpoint.Delete] = 1, [CustomEndpoint.Changes] = 2,
            },
            system.Emulator.CallCounts);
        system.Emulator.ResetCallCounts();
        Assert.Empty(system.Emulator.CallCounts);
    }
}
