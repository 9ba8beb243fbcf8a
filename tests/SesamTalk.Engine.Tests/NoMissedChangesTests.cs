using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;

namespace SesamTalk.Engine.Tests;

/// <summary>Promise 3: equal timestamps across a page edge and changes made during a cycle are not missed.</summary>
public sealed class NoMissedChangesTests
{
    [Fact]
    public async Task Records_sharing_one_timestamp_across_page_edges_each_arrive_exactly_once()
    {
        await using var app = await EngineHarness.StartAsync(pageSize: 100);
        var stamp = new DateTimeOffset(2024, 9, 10, 14, 20, 17, TimeSpan.Zero);
        for (var i = 0; i < 250; i++)
        {
            app.SeedShop("Customer", new JsonObject { ["Email"] = $"c{i:D3}@example.com", ["Name"] = $"Customer {i}" }, stamp);
        }

        var first = (await app.Talk.Customers.SyncAsync()).Flows.Single();

        Assert.Equal(250, first.Created);
        Assert.Equal(250, app.Customers.Records.Select(c => c.Email).Distinct().Count());
        Assert.Equal(3, app.Shop.CallCount(Testing.Custom.CustomEndpoint.Changes));
        var second = (await app.Talk.Customers.SyncAsync()).Flows.Single();
        Assert.Equal(0, second.Created + second.Updated);
        Assert.Equal(250, app.Customers.Records.Count);
    }

    [Fact]
    public async Task Changes_made_on_either_side_while_a_cycle_runs_arrive_in_the_next_cycle()
    {
        await using var app = await EngineHarness.StartAsync(pageSize: 10);
        for (var i = 0; i < 30; i++)
        {
            app.SeedShop("Customer", new JsonObject { ["Email"] = $"early{i}@example.com", ["Name"] = $"Early {i}" });
        }

        var edited = false;
        var progress = new SynchronousProgress(update =>
        {
            if (!edited && update.Stage == SyncStage.Committing)
            {
                // After the first committed page: a new Shop record and a new host record, mid-cycle.
                edited = true;
                app.SeedShop("Customer", new JsonObject { ["Email"] = "late@example.com", ["Name"] = "Late" });
                app.Customers.SaveAsync(new Customer { Email = "host-late@example.com", Name = "Host late" }, default).GetAwaiter().GetResult();
            }
        });
        await app.Talk.Customers.SyncAsync(progress);
        await app.Talk.Customers.SyncAsync();

        Assert.Contains(app.Customers.Records, c => c.Email == "late@example.com");
        Assert.Contains(app.ShopRecords("Customer"), r => (string?)r.Fields["Email"] == "host-late@example.com");
        Assert.Equal(32, app.Customers.Records.Count);
        Assert.Equal(32, app.ShopRecords("Customer").Count);
    }
}
