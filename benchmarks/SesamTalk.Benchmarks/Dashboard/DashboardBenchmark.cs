using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Dashboard;

namespace SesamTalk.Benchmarks.Dashboard;

/// <summary>
/// <c>dashboard --links N [--runs R]</c>: the dashboard's overview and links pages over a SQLite link store holding N
/// links in one flow (this assembly's model: four flows), served by Kestrel on loopback and read over HTTP, as a
/// browser would. Prints the median and the slowest of R requests per page, after two warm-up requests.
/// </summary>
internal static class DashboardBenchmark
{
    private const int Batch = 20_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var links = CommandOptions.Number(args, "--links", 1_000_000);
        var runs = CommandOptions.Number(args, "--runs", 20);
        var folder = Path.Combine(Path.GetTempPath(), "sesamtalk-dashboard-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"] });
            builder.Logging.ClearProviders();
            builder.Services.AddSesamTalk().AddEngine().UseSqliteLinkStore(Path.Combine(folder, "links.db"));
            builder.Services.AddSesamTalkDashboard();
            await using var app = builder.Build();
            app.MapSesamTalkDashboard("/sesamtalk");

            var flow = new SyncFlowId(nameof(Article), new SyncTarget("Customerp", "Article"));
            var filling = Stopwatch.StartNew();
            await FillAsync(app.Services.GetRequiredService<ILinkStore>(), flow, links);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{links:N0} links written in {filling.Elapsed.TotalSeconds:F1} s; {new FileInfo(Path.Combine(folder, "links.db")).Length / 1_048_576.0:F0} MiB"));

            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/sesamtalk/") };
            var middle = links / 2;
            var flowKey = Uri.EscapeDataString("|" + flow.Entity + "|" + flow.Target.System + "|" + flow.Target.Type);
            Console.WriteLine("| Page | Median | Slowest |");
            Console.WriteLine("|---|---:|---:|");
            await MeasureAsync(client, "Overview (4 flows, counts of links and quarantine)", "", runs);
            await MeasureAsync(client, "Links: search every flow by a remote id", "links?id=R" + middle.ToString("D7", CultureInfo.InvariantCulture), runs);
            await MeasureAsync(client, "Links: search every flow by a host id", "links?id=" + middle.ToString("D7", CultureInfo.InvariantCulture), runs);
            await MeasureAsync(client, "Links: the big flow's first page (50 by host id)", "links?flow=" + flowKey, runs);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Links host records 0000000.. to remote records R0000000.., through the engine's own unit of work.</summary>
    private static async Task FillAsync(ILinkStore store, SyncFlowId flow, int count)
    {
        var at = DateTimeOffset.UtcNow;
        for (var start = 0; start < count; start += Batch)
        {
            await using var commit = await store.BeginCommitAsync();
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var id = i.ToString("D7", CultureInfo.InvariantCulture);
                commit.SaveLink(new SyncLink(flow.Entity, id, flow.Target, "R" + id, SyncLinkProvenance.CreatedBySync, matchKey: null, at));
            }

            await commit.CommitAsync();
        }
    }

    private static async Task MeasureAsync(HttpClient client, string name, string page, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs + 2; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsStringAsync();
            if (i >= 2)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[times.Count / 2]:F1} ms | {times[^1]:F1} ms |"));
    }
}
