using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;

namespace SesamTalk.Engine.Tests.Scale;

/// <summary>
/// A unit of the host feed commits while the next unit is read and decided (issue 13): the overlap happens, a crash of
/// the commit in flight stops the next unit before it writes anything, and a record of the unit in flight that the feed
/// yields again waits for that unit's links. Units are 1,000 host changes.
/// </summary>
public sealed class CommitInFlightTests
{
    private static readonly SyncFlowId Flow = EngineHarness.Flow("Product", "Product");

    [Fact]
    public async Task A_units_commit_is_written_while_the_next_unit_is_read_and_decided_and_nothing_is_lost()
    {
        await using var app = await EngineHarness.StartAsync();
        await SaveProductsAsync(app, 2_500);
        app.HoldNextCommitUntilNextHostLookup(TimeSpan.FromSeconds(30));

        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        // The second unit's links were read while the first unit's commit was not written yet.
        Assert.True(app.HeldCommitUntilLookup);
        Assert.Equal(2_500, report.Created);
        Assert.Equal(2_500, app.ShopRecords("Product").Count);
        Assert.Equal(2_500, await app.Links.CountLinksAsync(Flow));
        Assert.Empty(await app.Links.ListOpenIntentsAsync(Flow));

        var next = (await app.Talk.Products.SyncAsync()).Flows.Single();
        Assert.Equal((0, 0), (next.Created, next.Updated));
    }

    [Fact]
    public async Task A_crash_of_the_commit_in_flight_stops_the_next_unit_before_it_writes_and_the_rerun_creates_nothing_twice()
    {
        await using var app = await EngineHarness.StartAsync();
        await SaveProductsAsync(app, 2_500);
        app.CrashBeforeNextCommit();

        await Assert.ThrowsAsync<IOException>(() => app.Talk.Products.SyncAsync());

        // The first unit's creates went out; the second unit, decided meanwhile, waited for the commit and wrote nothing.
        Assert.Equal(1_000, app.ShopRecords("Product").Count);
        Assert.Equal(0, await app.Links.CountLinksAsync(Flow));
        Assert.Equal(1_000, (await app.Links.ListOpenIntentsAsync(Flow)).Count);

        await app.RestartAsync();
        var rerun = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.Equal(1_500, rerun.Created);
        Assert.Equal(2_500, app.ShopRecords("Product").Count);
        Assert.Equal(2_500, await app.Links.CountLinksAsync(Flow));
        Assert.Empty(await app.Links.ListOpenIntentsAsync(Flow));
    }

    [Fact]
    public async Task A_record_of_the_unit_in_flight_that_the_feed_yields_again_in_the_next_unit_waits_for_its_link()
    {
        await using var app = await EngineHarness.StartAsync();
        await SaveProductsAsync(app, 1_500);
        app.RepeatInProductFeed = (app.Products.Records[10].Id, 1_000);
        await app.RestartAsync();
        app.HoldNextCommitUntilNextHostLookup(TimeSpan.FromSeconds(2));

        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        // The second unit opens with a record the first unit created: it was decided after the first unit's commit, on
        // its link, so it was not created again.
        Assert.False(app.HeldCommitUntilLookup);
        Assert.Equal(1_500, report.Created);
        Assert.Equal(1_500, app.ShopRecords("Product").Count);
        Assert.Equal(1_500, await app.Links.CountLinksAsync(Flow));
    }

    private static async Task SaveProductsAsync(EngineHarness app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await app.Products.SaveAsync(new Product { Sku = $"U-{i:D4}", Name = $"Unit product {i}" }, default);
        }
    }
}
