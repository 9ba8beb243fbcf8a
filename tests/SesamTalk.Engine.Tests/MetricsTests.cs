using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;

namespace SesamTalk.Engine.Tests;

/// <summary>The engine's measurements on the SesamTalk meter, and its progress reports.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task A_cycle_measures_reads_writes_echoes_quarantine_and_api_calls_tagged_by_flow_and_reports_progress()
    {
        await using var app = await EngineHarness.StartAsync();
        var measured = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == SyncMetrics.MeterName)
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var entity = tags.ToArray().Single(tag => tag.Key == "entity").Value as string;
            if (entity == "Tally")
            {
                measured.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            }
        });
        listener.Start();
        for (var i = 0; i < 3; i++)
        {
            await app.Tallies.SaveAsync(new Tally { Code = $"T-{i}", Count = i }, default);
        }

        app.SeedShop("Tally", new JsonObject { ["Code"] = "T-BAD", ["Count"] = "lots" }); // not a number: quarantined
        var stages = new List<SyncStage>();
        await app.Talk.Tallies.SyncAsync(new SynchronousProgress(update => stages.Add(update.Stage)));
        await app.Talk.Tallies.SyncAsync(); // reads the three creates back: echoes

        Assert.Equal(3, measured["sesamtalk.records.written"]);
        Assert.Equal(1, measured["sesamtalk.records.quarantined"]);
        Assert.Equal(3, measured["sesamtalk.echoes.suppressed"]);
        Assert.Equal(1 + 3 + 3, measured["sesamtalk.records.read"]); // the Shop's one, the host's three, the three echoes
        Assert.Equal(3, measured["sesamtalk.api.calls"]); // a change page and a batch, then a change page
        Assert.Contains(SyncStage.Writing, stages);
        Assert.Contains(SyncStage.Committing, stages);
        Assert.Equal(SyncStage.Done, stages[^1]);
    }

    [Fact]
    public async Task The_echo_of_an_update_decided_on_the_host_side_is_recognised_on_the_fast_path()
    {
        await using var app = await EngineHarness.StartAsync();
        var tally = new Tally { Code = "T-1", Count = 1 };
        await app.Tallies.SaveAsync(tally, default);
        await app.Talk.Tallies.SyncAsync();
        await app.Talk.Tallies.SyncAsync(); // the create's echo
        var echoes = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == SyncMetrics.MeterName && instrument.Name == "sesamtalk.echoes.suppressed")
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            // The meter is the process's: other tests' flows measure on it too, so only this entity's echoes count.
            var measured = tags.ToArray();
            if ((string?)measured.Single(tag => tag.Key == "entity").Value == "Tally")
            {
                echoes.AddOrUpdate((string)measured.Single(tag => tag.Key == "side").Value!, value, (_, total) => total + value);
            }
        });
        listener.Start();

        tally.Count = 2;
        await app.Tallies.SaveAsync(tally, default);
        var update = (await app.Talk.Tallies.SyncAsync()).Flows.Single();
        var echo = (await app.Talk.Tallies.SyncAsync()).Flows.Single();

        Assert.Equal(1, update.Updated);
        Assert.Equal((1, 0), (echo.Read, echo.Created + echo.Updated));
        Assert.Equal(1, echoes.GetValueOrDefault("remote")); // read back as the engine wrote it, not merged again
    }
}
