using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace SesamTalk.Testing.Tests.Custom;

/// <summary>The feed at scale: every record once, in order; the time is printed (docs/benchmarks.md), never asserted.</summary>
public sealed class ChangeFeedScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoHundredThousandRecordsArePagedThroughOnceEachInOrder()
    {
        const int Count = 200_000;
        await using var system = await TestSystem.StartAsync();
        var start = TestSystem.Start.AddHours(-1);
        for (var i = 0; i < Count; i++)
        {
            system.Emulator.Seed("Product", new JsonObject { ["Sku"] = $"S-{i}" }, start.AddMilliseconds(i / 10));
        }

        var watch = Stopwatch.StartNew();
        var (records, _) = await system.DrainAsync("Product", limit: 1000);
        watch.Stop();

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"Change feed: {Count:N0} records in pages of 1,000 read in {watch.Elapsed.TotalSeconds:F2} s"));
        Assert.Equal(Count, records.Count);
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"S-{i}"), records.Select(r => (string)r["fields"]!["Sku"]!));
    }
}
