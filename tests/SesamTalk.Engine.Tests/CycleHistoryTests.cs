using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;

namespace SesamTalk.Engine.Tests;

/// <summary>The engine records each cycle that ran in the link store's history, keeping each flow's latest (HistoryRetention).</summary>
public sealed class CycleHistoryTests
{
    [Fact]
    public async Task Each_cycle_that_ran_is_recorded_with_its_report_and_the_flow_keeps_only_its_latest()
    {
        await using var app = await EngineHarness.StartAsync(options => options.HistoryRetention = 2);
        var flow = EngineHarness.Flow("Product", "Product");
        var history = (ICycleHistoryStore)app.Links;
        var reports = new List<SyncFlowReport>();
        for (var i = 1; i <= 3; i++)
        {
            await app.Products.SaveAsync(new Product { Sku = $"H-{i}", Name = $"Recorded {i}" }, default);
            reports.Add((await app.Talk.Products.SyncAsync()).Flows.Single());
        }

        var cycles = await history.GetCycleHistoryAsync(flow, limit: 10);

        Assert.Equal(2, cycles.Count);
        Assert.Equal([3, 2], cycles.Select(c => c.Report.Linked));
        Assert.Equal((reports[2].Created, reports[2].Read, reports[2].ApiCalls), (cycles[0].Report.Created, cycles[0].Report.Read, cycles[0].Report.ApiCalls));
        Assert.True(cycles[0].StartedAt <= cycles[0].EndedAt && cycles[1].EndedAt <= cycles[0].StartedAt);
    }

    [Fact]
    public async Task A_cycle_that_found_the_flow_run_by_another_process_is_not_recorded()
    {
        await using var app = await EngineHarness.StartAsync();
        var flow = EngineHarness.Flow("Product", "Product");
        Assert.NotNull(await app.Links.TryAcquireLeaseAsync(flow, "other-process", TimeSpan.FromMinutes(5)));

        Assert.True((await app.Talk.Products.SyncAsync()).Flows.Single().Stopped);

        Assert.Empty(await ((ICycleHistoryStore)app.Links).GetCycleHistoryAsync(flow, limit: 10));
    }

    [Fact]
    public async Task No_history_is_kept_when_the_retention_is_zero()
    {
        await using var app = await EngineHarness.StartAsync(options => options.HistoryRetention = 0);
        await app.Products.SaveAsync(new Product { Sku = "Z-1", Name = "Not recorded" }, default);

        Assert.Equal(1, (await app.Talk.Products.SyncAsync()).Flows.Single().Created);

        Assert.Empty(await ((ICycleHistoryStore)app.Links).GetCycleHistoryAsync(EngineHarness.Flow("Product", "Product"), limit: 10));
    }
}
