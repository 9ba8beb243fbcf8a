using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>The sync benchmark's output: a markdown table on stdout and, when asked, a JSON array of the rows.</summary>
internal static class SyncReportWriter
{
    public static void WriteTable(TextWriter output, IReadOnlyList<SyncRow> rows)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; connectors with their defaults (Salesforce: Bulk API 2.0 above 2,000 records, 10,000 a job)"));
        output.WriteLine();
        output.WriteLine("| System | Scenario | Records | Engine s | Engine CPU s | Engine JIT s | Connector s | Connector CPU s | Connector JIT s | Records/s | API calls | Minimum calls | Peak MiB | Peak heap MiB | Link store bytes | Bytes/link | Alloc B/record |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.System} | {row.Scenario} | {row.Records:N0} | {row.EngineSeconds:0.00} | {row.EngineCpuSeconds:0.00} | {row.EngineJitSeconds:0.00} | {row.ConnectorSeconds:0.00} | {row.ConnectorCpuSeconds:0.00} | {row.ConnectorJitSeconds:0.00} | {row.RecordsPerSecond:N0} | {row.ApiCalls:N0} | {row.MinimumApiCalls:N0} | {row.PeakWorkingSetMiB:0.0} | {row.PeakHeapMiB:0.0} | {row.LinkStoreBytes:N0} | {row.BytesPerLink:0} | {row.AllocatedBytesPerRecord:N0} |"));
        }

        foreach (var row in rows.Where(row => row.StopReason is not null))
        {
            output.WriteLine($"Note: {row.System} {row.Records:N0} {row.Scenario}: {row.StopReason}");
        }
    }

    public static async Task WriteJsonAsync(string path, IReadOnlyList<SyncRow> rows)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, rows, SyncRowJson.Default.IReadOnlyListSyncRow).ConfigureAwait(false);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<SyncRow>))]
internal sealed partial class SyncRowJson : JsonSerializerContext;
