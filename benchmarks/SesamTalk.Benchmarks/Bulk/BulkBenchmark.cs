using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Connectors;
using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Benchmarks.Bulk;

/// <summary>
/// <c>bulk --records N [--poll-ms M]</c>: N Product2 records written and read through the Salesforce connector's Bulk
/// API 2.0 path and through sObject Collections and REST queries, each against a fresh emulated org, as the engine drives
/// the connector: creates in units of its largest batch (10,000 records a bulk job, 200 a collection call), each unit's
/// stored records read back by id, a change read from the start, and a second change read from its cursor when nothing
/// changed (every record is inside the two-minute change overlap: it shows what the cursor's memory of delivered records
/// leaves the engine to do). Prints a markdown table of wall seconds, API calls
/// and records per second. Not a BenchmarkDotNet run: one pass, for the API-call counts above all.
/// </summary>
internal static class BulkBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var records = CommandOptions.Number(args, "--records", 100_000);
        var poll = TimeSpan.FromMilliseconds(CommandOptions.Number(args, "--poll-ms", (int)new SalesforceOptions().BulkPollInterval.TotalMilliseconds));
        var mapper = SesamTalk.Benchmarks.Sync.SyncProduct.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Product2"));
        var rows = new List<(int Step, string Text)>();
        foreach (var bulk in new[] { true, false })
        {
            var path = bulk ? "Bulk API 2.0" : "REST (sObject Collections, query)";
            Console.Error.WriteLine($"{path}: writing {records:N0} products...");
            await using (var run = await BulkRun.StartAsync(bulk, poll).ConfigureAwait(false))
            {
                var unit = run.Connector.GetCapabilities("Product2").MaxBatchSize;
                var ids = new List<string>(records);
                var write = await run.MeasureAsync(async connector =>
                {
                    foreach (var chunk in Enumerable.Range(0, records).Chunk(unit))
                    {
                        var results = await connector.CreateAsync(mapper, [.. chunk.Select(i => new RemoteCreate(mapper.ToRecord(Product(i)), $"bench-{i}"))], CancellationToken.None).ConfigureAwait(false);
                        ids.AddRange(results.Select(result => result.Id ?? throw new InvalidOperationException(result.Error?.ToString())));
                    }
                }).ConfigureAwait(false);
                rows.Add((0, Row("write (create)", path, records, write)));

                Console.Error.WriteLine($"{path}: reading them back by id...");
                var readBack = await run.MeasureAsync(async connector =>
                {
                    foreach (var chunk in ids.Chunk(unit))
                    {
                        _ = await connector.GetManyAsync(mapper, chunk, CancellationToken.None).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
                rows.Add((1, Row("read back by id", path, records, readBack)));
            }

            Console.Error.WriteLine($"{path}: reading {records:N0} products as a change feed from the start...");
            await using (var run = await BulkRun.StartAsync(bulk, poll).ConfigureAwait(false))
            {
                for (var i = 0; i < records; i++)
                {
                    run.Org.Seed("Product2", new JsonObject { ["Name"] = $"Product {i}", ["ProductCode"] = $"P-{i:D6}", ["IsActive"] = i % 2 == 0 });
                }

                var (read, cursor, feed) = await ReadFeedAsync(run, mapper, null).ConfigureAwait(false);
                rows.Add((2, Row("read (change feed)", path, read, feed)));

                Console.Error.WriteLine($"{path}: reading the feed again from its cursor, nothing changed...");
                var (reread, _, again) = await ReadFeedAsync(run, mapper, cursor).ConfigureAwait(false);
                rows.Add((3, Row("re-read, nothing changed (records delivered)", path, reread, again)));
            }
        }

        Console.WriteLine($"{records:N0} Product2 records, bulk poll interval {poll.TotalMilliseconds:0} ms, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| Step | Path | Records | Wall s | API calls | Records/s |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (_, text) in rows.OrderBy(row => row.Step))
        {
            Console.WriteLine(text);
        }

        return 0;
    }

    /// <summary>A change read after <paramref name="cursor"/>: the records it delivered, its last cursor, its wall time and calls.</summary>
    private static async Task<(int Records, string? Cursor, (TimeSpan Wall, int Calls) Measured)> ReadFeedAsync(BulkRun run, IEntityMapper mapper, string? cursor)
    {
        var read = 0;
        var last = cursor;
        var measured = await run.MeasureAsync(async connector =>
        {
            await foreach (var page in connector.ReadChangesAsync(mapper, cursor, CancellationToken.None).ConfigureAwait(false))
            {
                read += page.Records.Count;
                last = page.Cursor;
            }
        }).ConfigureAwait(false);
        return (read, last, measured);
    }

    private static SesamTalk.Benchmarks.Sync.SyncProduct Product(int i) => new()
    {
        Code = $"P-{i:D6}",
        Name = $"Product {i}",
        Description = i % 3 == 0 ? null : $"Product {i}, made for the benchmark",
        Active = i % 2 == 0,
    };

    private static string Row(string step, string path, int records, (TimeSpan Wall, int Calls) measured) =>
        string.Create(CultureInfo.InvariantCulture, $"| {step} | {path} | {records:N0} | {measured.Wall.TotalSeconds:0.0} | {measured.Calls:N0} | {records / measured.Wall.TotalSeconds:N0} |");
}
