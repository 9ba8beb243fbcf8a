using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Engine.Tests;

/// <summary>Promise 6: a 429 storm is ridden out; an exhausted quota ends the cycle at a checkpoint and the next one resumes there.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_storm_of_429s_with_Retry_After_is_ridden_out_without_losing_or_duplicating_a_record()
    {
        await using var app = await EngineHarness.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            await app.Products.SaveAsync(new Product { Sku = $"R-{i:D3}", Name = $"Storm {i}" }, default);
        }

        app.Shop.Inject(CustomFault.TooManyRequests(TimeSpan.FromMilliseconds(20)).On(CustomEndpoint.Batch).Times(2));
        app.Shop.Inject(CustomFault.TooManyRequests(TimeSpan.FromMilliseconds(20)).On(CustomEndpoint.Changes).Times(2));
        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.False(report.Stopped, report.StopReason);
        Assert.Equal(120, report.Created);
        Assert.Equal(120, app.ShopRecords("Product").Select(r => (string?)r.Fields["Sku"]).Distinct().Count());
        Assert.Equal(120, app.ShopRecords("Product").Count);
    }

    [Fact]
    public async Task A_spent_rate_limit_window_stops_the_cycle_at_its_last_page_before_a_429_and_the_next_cycle_resumes_there()
    {
        await using var app = await EngineHarness.StartAsync(pageSize: 100, shop: new CustomSystemEmulatorOptions { RateLimit = 2, RateLimitWindow = TimeSpan.FromMinutes(1) });
        for (var i = 0; i < 250; i++)
        {
            app.SeedShop("Customer", new JsonObject { ["Email"] = $"q{i:D3}@example.com", ["Name"] = $"Quota {i}" });
        }

        var stopped = (await app.Talk.Customers.SyncAsync()).Flows.Single();

        Assert.True(stopped.Stopped);
        Assert.Contains("quota is used up", stopped.StopReason, StringComparison.Ordinal); // paced by RateLimit-*: no 429 was needed
        Assert.Equal(0, app.Shop.RateLimitRefusals);
        Assert.Equal(200, app.Customers.Records.Count); // two pages applied and committed

        app.ShopClock.Advance(TimeSpan.FromMinutes(1)); // the window resets
        var resumed = (await app.Talk.Customers.SyncAsync()).Flows.Single();

        Assert.False(resumed.Stopped, resumed.StopReason);
        Assert.Equal(50, resumed.Created);
        Assert.Equal(250, app.Customers.Records.Select(c => c.Email).Distinct().Count());
        Assert.Equal(250, app.Customers.Records.Count);
    }
}
