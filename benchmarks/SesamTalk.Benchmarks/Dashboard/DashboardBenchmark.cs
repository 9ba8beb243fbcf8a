using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Dashboard;
using SesamTalk.PostgreSql;

namespace SesamTalk.Benchmarks.Dashboard;

/// <summary>
/// <c>dashboard --links N [--runs R] [--postgres CONNECTION]</c>: the dashboard's pages over a link store holding N
/// links in one flow (this assembly's model: four flows), each matched on a key value, and a full history of cycles
/// for that flow: SQLite by default, or the PostgreSQL database the connection string names. Served by Kestrel on
/// loopback and read over HTTP, as a browser would. Prints the median and the slowest of R requests per page, after
/// two warm-up requests.
/// </summary>
internal static class DashboardBenchmark
{
    private const int Batch = 20_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var links = CommandOptions.Number(args, "--links", 1_000_000);
        var runs = CommandOptions.Number(args, "--runs", 20);
        var postgres = CommandOptions.Text(args, "--postgres", "") is { Length: > 0 } connectionString ? connectionString : null;
        var folder = Path.Combine(Path.GetTempPath(), "sesamtalk-dashboard-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"] });
            builder.Logging.ClearProviders();
            // The pages read the link store: the benchmark's flows are off, so no system or host store is needed to start.
            var sesamTalk = builder.Services.AddSesamTalk().AddEngine(options =>
            {
                foreach (var entity in new[] { nameof(Article), "BenchItem", "ShopProduct", "SyncProduct" })
                {
                    options.Flows[entity] = new SyncFlowOptions { Enabled = false };
                }
            });
            if (postgres is null)
            {
                sesamTalk.UseSqliteLinkStore(Path.Combine(folder, "links.db"));
            }
            else
            {
                // A schema of its own, dropped at the end, so the database can be reused.
                sesamTalk.UsePostgreSqlLinkStore(options => (options.ConnectionString, options.Schema) = (postgres, Schema));
            }

            builder.Services.AddSesamTalkDashboard();
            await using var app = builder.Build();
            app.MapSesamTalkDashboard("/sesamtalk");

            var flow = new SyncFlowId(nameof(Article), new SyncTarget("Customerp", "Article"));
            var filling = Stopwatch.StartNew();
            var store = app.Services.GetRequiredService<ILinkStore>();
            await FillAsync(store, flow, links);
            await RecordHistoryAsync((ICycleHistoryStore)store, flow, app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SyncEngineOptions>>().Value.HistoryRetention);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{links:N0} links and a history of cycles written in {filling.Elapsed.TotalSeconds:F1} s ({(postgres is null ? "SQLite" : "PostgreSQL")})"));

            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/sesamtalk/") };
            var middle = links / 2;
            var flowKey = Uri.EscapeDataString("|" + flow.Entity + "|" + flow.Target.System + "|" + flow.Target.Type);
            Console.WriteLine("| Page | Median | Slowest |");
            Console.WriteLine("|---|---:|---:|");
            var middleId = middle.ToString("D7", CultureInfo.InvariantCulture);
            await MeasureAsync(client, "Overview (4 flows: counts of links and quarantine, last cycle)", "", runs);
            await MeasureAsync(client, "The big flow's history (chart of 200 cycles, list of 50)", "flow?flow=" + flowKey, runs);
            await MeasureAsync(client, "Links: search every flow by a remote id", "links?id=R" + middleId, runs);
            await MeasureAsync(client, "Links: search every flow by a host id", "links?id=" + middleId, runs);
            await MeasureAsync(client, "Links: search every flow by a match-key value", "links?id=" + Uri.EscapeDataString(MatchValue(middleId).ToLowerInvariant()), runs);
            await MeasureAsync(client, "Links: the big flow's first page (50 by host id)", "links?flow=" + flowKey, runs);
            await MeasureAsync(client, "Links: the big flow's page 2 (after the first page's last host id)", "links?flow=" + flowKey + "&after=0000049&page=2", runs);
            await MeasureAsync(client, "Links: the big flow's page 10,000 (after host id " + middleId + ")", "links?flow=" + flowKey + "&after=" + middleId + "&page=10000", runs);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (postgres is not null)
            {
                await DropSchemaAsync(postgres);
            }
        }
    }

    private const string Schema = "sesamtalk_dashboard_bench";

    /// <summary>The match-key value of the host record <paramref name="id"/> as the engine keeps it (normalised: upper case).</summary>
    private static string MatchValue(string id) => "CUSTOMER" + id + "@EXAMPLE.COM";

    /// <summary>The flow's retained history: one cycle every 5 minutes, as many as the engine keeps.</summary>
    private static async Task RecordHistoryAsync(ICycleHistoryStore history, SyncFlowId flow, int retention)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-5 * retention);
        for (var i = 0; i < retention; i++)
        {
            var report = new SyncFlowReport(flow.Entity, flow.Target) { Read = 100 + (i % 7), Updated = 40 + (i % 13), Created = i % 5, Conflicts = i % 3, ApiCalls = 6 + (i % 4) };
            var at = start.AddMinutes(5 * i);
            await history.RecordCycleAsync(new CycleRecord(at, at.AddSeconds(20), report), retention);
        }
    }

    private static async Task DropSchemaAsync(string connectionString)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand("DROP SCHEMA IF EXISTS " + Schema + " CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Links host records 0000000.. to remote records R0000000.., matched on their e-mail, through the engine's own unit of work.</summary>
    private static async Task FillAsync(ILinkStore store, SyncFlowId flow, int count)
    {
        var at = DateTimeOffset.UtcNow;
        for (var start = 0; start < count; start += Batch)
        {
            await using var commit = await store.BeginCommitAsync();
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var id = i.ToString("D7", CultureInfo.InvariantCulture);
                commit.SaveLink(new SyncLink(flow.Entity, id, flow.Target, "R" + id, SyncLinkProvenance.MatchedOnKey, "Email", at) { MatchValue = MatchValue(id) });
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
