using System.Diagnostics;
using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;

namespace SesamTalk.Engine.Tests;

/// <summary>The engine's spans on the SesamTalk activity source: a cycle, its units of work and its connector calls.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task One_cycle_is_a_span_with_its_unit_and_connector_calls_beneath_it_tagged_with_counts_and_no_values()
    {
        await using var app = await EngineHarness.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await app.Products.SaveAsync(new Product { Sku = $"T-{i}", Name = $"Secret name {i}", Notes = "confidential note" }, default);
        }

        using var recorder = new SpanRecorder();
        using (recorder.StartRoot())
        {
            var report = (await app.Talk.Products.SyncAsync()).Flows.Single();
            Assert.Equal(3, report.Created);
        }

        var mine = recorder.Spans;
        var cycle = Assert.Single(mine, span => span.OperationName == "sesamtalk.cycle");
        Assert.Equal(("Product", "Shop", "Product"), (cycle.GetTagItem("sesamtalk.entity"), cycle.GetTagItem("sesamtalk.system"), cycle.GetTagItem("sesamtalk.type")));
        Assert.Equal((3, 0, false), (cycle.GetTagItem("sesamtalk.records.created"), cycle.GetTagItem("sesamtalk.records.quarantined"), cycle.GetTagItem("sesamtalk.stopped")));
        Assert.Equal(ActivityStatusCode.Unset, cycle.Status);

        var unit = Assert.Single(mine, span => span.OperationName == "sesamtalk.unit" && (int)span.GetTagItem("sesamtalk.records")! > 0);
        Assert.Equal(cycle.SpanId, unit.ParentSpanId);
        Assert.Equal(("local", 3, 0), (unit.GetTagItem("sesamtalk.side"), unit.GetTagItem("sesamtalk.records"), unit.GetTagItem("sesamtalk.records.quarantined")));

        var calls = mine.Where(span => span.OperationName == "sesamtalk.call").ToList();
        var create = Assert.Single(recorder.Calls("CreateAsync"));
        Assert.Equal(unit.SpanId, create.ParentSpanId);
        Assert.Equal(("Shop", 3, 0), (create.GetTagItem("sesamtalk.system"), create.GetTagItem("sesamtalk.records"), create.GetTagItem("sesamtalk.records.rejected")));
        Assert.Contains(calls, span => (string?)span.GetTagItem("sesamtalk.operation") == "ReadChangesAsync" && span.ParentSpanId == cycle.SpanId);
        Assert.All(calls, span => Assert.True(span.ParentSpanId == cycle.SpanId || span.ParentSpanId == unit.SpanId, span.DisplayName));

        // Counts and names only: no field value and no key travels in a tag.
        var values = mine.SelectMany(span => span.TagObjects).Select(tag => tag.Value?.ToString() ?? "").ToList();
        Assert.DoesNotContain(values, value => value.Contains("Secret", StringComparison.Ordinal) || value.Contains("confidential", StringComparison.Ordinal) || value.Contains("T-1", StringComparison.Ordinal) || value.Contains(app.Shop.ApiKey, StringComparison.Ordinal));
    }
}
