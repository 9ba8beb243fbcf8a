using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Benchmarks.Bulk;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors;
using SesamTalk.Connectors.ExactOnline;

namespace SesamTalk.Benchmarks.EmulatorFeeds;

/// <summary>
/// <c>feeds --records N [--paths rest,bulk]</c>: seeds N Product2 records in a fresh emulated Salesforce org (all
/// sharing a handful of SystemModstamps, as a bulk load does) and reads the whole change feed through the real connector
/// from no cursor: REST (<c>queryAll</c> with <c>nextRecordsUrl</c> pages, BulkThreshold = 0) and the bulk path (one
/// REST page, then a Bulk API 2.0 query job). Prints the seed time, the managed memory the stored records take
/// (per record), and the feed's wall time and API calls. One pass by hand, not a BenchmarkDotNet run.
/// </summary>
internal static class EmulatorFeedBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var records = CommandOptions.Number(args, "--records", 100_000);
        if (args.Contains("--exact"))
        {
            return await ExactAsync(records).ConfigureAwait(false);
        }

        var at = Array.IndexOf(args, "--paths");
        var paths = at >= 0 && at + 1 < args.Length ? args[at + 1].Split(',') : ["rest", "bulk"];
        var mapper = SesamTalk.Benchmarks.Sync.SyncProduct.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Product2"));
        var rows = new List<string>();
        foreach (var path in paths)
        {
            var bulk = path == "bulk";
            await using var run = await BulkRun.StartAsync(bulk, TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var seed = Stopwatch.StartNew();
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < records; i++)
            {
                // 1,000 records a second: every page edge falls inside a run of equal stamps.
                run.Org.Seed("Product2", new JsonObject { ["Name"] = $"Product {i}", ["ProductCode"] = $"P-{i:D7}", ["IsActive"] = i % 2 == 0 }, start.AddSeconds(i / 1_000));
            }

            seed.Stop();
            var perRecord = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)records;
            Console.Error.WriteLine($"{path}: seeded {records:N0} in {seed.Elapsed.TotalSeconds:0.0} s; reading the feed...");
            var read = 0;
            var (wall, calls) = await run.MeasureAsync(async connector =>
            {
                await foreach (var page in connector.ReadChangesAsync(mapper, null, CancellationToken.None).ConfigureAwait(false))
                {
                    read += page.Records.Count;
                }
            }).ConfigureAwait(false);
            if (read != records)
            {
                throw new InvalidOperationException($"The feed delivered {read:N0} records of {records:N0}.");
            }

            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| Salesforce Product2 | connector, {(bulk ? "bulk (query job)" : "REST (queryAll pages)")} | {records:N0} | {seed.Elapsed.TotalSeconds:0.0} | {perRecord:N0} | {wall.TotalSeconds:0.00} | {calls:N0} |"));
            if (!bulk)
            {
                // The emulator alone over HTTP, bodies read as text: the connector's query through nextRecordsUrl, and
                // the same feed as keyset pages (WHERE after the last row ... LIMIT 2,000), each page a new query.
                using var http = new HttpClient { BaseAddress = run.Org.BaseUrl };
                http.DefaultRequestHeaders.Authorization = new("Bearer", run.Org.IssueAccessToken());
                foreach (var keyset in new[] { false, true })
                {
                    var clock = Stopwatch.StartNew();
                    var (rawRead, rawCalls) = keyset ? await KeysetAsync(http).ConfigureAwait(false) : await LocatorAsync(http).ConfigureAwait(false);
                    if (rawRead != records)
                    {
                        throw new InvalidOperationException($"The raw feed delivered {rawRead:N0} records of {records:N0}.");
                    }

                    rows.Add(string.Create(CultureInfo.InvariantCulture,
                        $"| Salesforce Product2 | emulator only, {(keyset ? "keyset pages (LIMIT 2,000)" : "queryAll, nextRecordsUrl")} | {records:N0} | | | {clock.Elapsed.TotalSeconds:0.00} | {rawCalls:N0} |"));
                }
            }
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| Emulator | Path | Records | Seed s | Bytes/record | Feed s | API calls |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>
    /// <c>--exact</c>: N Items in a fresh emulated Exact Online division, read through the connector's change feed (the
    /// sync API, 1,000 rows a page, then sync/Deleted) from no cursor.
    /// </summary>
    private static async Task<int> ExactAsync(int records)
    {
        var emulator = await SesamTalk.Testing.ExactOnline.ExactOnlineEmulator.StartAsync(new() { MinutelyLimit = 10_000_000, DailyLimit = 10_000_000 }).ConfigureAwait(false);
        await using var _ = emulator.ConfigureAwait(false);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var seed = Stopwatch.StartNew();
        for (var i = 0; i < records; i++)
        {
            emulator.Seed("Items", new JsonObject { ["Code"] = $"I-{i:D7}", ["Description"] = $"Item {i}" });
        }

        seed.Stop();
        var perRecord = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)records;
        Console.Error.WriteLine($"exact: seeded {records:N0} in {seed.Elapsed.TotalSeconds:0.0} s; reading the feed...");
        await using var services = new SesamTalkBuilder(new Microsoft.Extensions.DependencyInjection.ServiceCollection()
                .AddKeyedSingleton<SesamTalk.Connectors.ExactOnline.IExactOnlineTokenStore>("ExactOnline", new SesamTalk.Connectors.ExactOnline.InMemoryExactOnlineTokenStore(emulator.IssueRefreshToken())))
            .AddExactOnline(options =>
            {
                options.BaseUrl = emulator.BaseUrl;
                options.ClientId = emulator.ClientId;
                options.ClientSecret = emulator.ClientSecret;
                options.RedirectUri = emulator.RedirectUri;
            })
            .Services
            .BuildServiceProvider();
        var connector = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetServices<ISyncConnector>(services).Single(c => c.System == "ExactOnline");
        var mapper = BenchItem.SyncDefinition.GetMapper(new SyncTarget("ExactOnline", "Items"));
        var read = 0;
        var calls = connector.ApiCalls;
        var clock = Stopwatch.StartNew();
        await foreach (var page in connector.ReadChangesAsync(mapper, null, CancellationToken.None).ConfigureAwait(false))
        {
            read += page.Records.Count;
        }

        clock.Stop();
        if (read != records)
        {
            throw new InvalidOperationException($"The feed delivered {read:N0} records of {records:N0}.");
        }

        Console.WriteLine("| Emulator | Path | Records | Seed s | Bytes/record | Feed s | API calls |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Exact Online Items | connector, sync API | {records:N0} | {seed.Elapsed.TotalSeconds:0.0} | {perRecord:N0} | {clock.Elapsed.TotalSeconds:0.00} | {connector.ApiCalls - calls:N0} |"));
        return 0;
    }

    private const string Data = "/services/data/v64.0/";
    private const string Select = "SELECT Id, SystemModstamp, ProductCode, Name, Description, IsActive, IsDeleted FROM Product2";

    private static async Task<(int Records, int Calls)> LocatorAsync(HttpClient http)
    {
        var (read, calls) = (0, 0);
        string? next = Data + "queryAll?q=" + Uri.EscapeDataString(Select + " ORDER BY SystemModstamp, Id");
        while (next is not null)
        {
            var page = JsonNode.Parse(await http.GetStringAsync(next).ConfigureAwait(false))!;
            calls++;
            read += page["records"]!.AsArray().Count;
            next = (string?)page["nextRecordsUrl"];
        }

        return (read, calls);
    }

    private static async Task<(int Records, int Calls)> KeysetAsync(HttpClient http)
    {
        var (read, calls) = (0, 0);
        var where = "";
        while (true)
        {
            var soql = $"{Select}{where} ORDER BY SystemModstamp, Id LIMIT 2000";
            var records = JsonNode.Parse(await http.GetStringAsync(Data + "queryAll?q=" + Uri.EscapeDataString(soql)).ConfigureAwait(false))!["records"]!.AsArray();
            calls++;
            read += records.Count;
            if (records.Count < 2000)
            {
                return (read, calls);
            }

            var stamp = ((string)records[^1]!["SystemModstamp"]!)[..19] + "Z";
            where = $" WHERE SystemModstamp > {stamp} OR (SystemModstamp = {stamp} AND Id > '{(string)records[^1]!["Id"]!}')";
        }
    }
}
