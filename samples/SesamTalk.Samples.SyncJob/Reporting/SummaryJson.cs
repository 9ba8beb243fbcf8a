using System.Text.Json;

namespace SesamTalk.Samples.SyncJob.Reporting;

/// <summary>Writes <c>{"flows":[{"flow": "...", "read": n, ...}]}</c>, one entry per seed row.</summary>
internal static class SummaryJson
{
    public static async Task WriteAsync(string path, IReadOnlyList<(SeedRow Row, FlowFigures Figures)> rows, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("flows");
        foreach (var (row, figures) in rows)
        {
            json.WriteStartObject();
            json.WriteString("flow", row.Title);
            json.WriteNumber("read", figures.Read);
            json.WriteNumber("created", figures.Created);
            json.WriteNumber("updated", figures.Updated);
            json.WriteNumber("linked", figures.Linked);
            json.WriteNumber("conflicts", figures.Conflicts);
            json.WriteNumber("quarantined", figures.Quarantined);
            json.WriteNumber("apiCalls", figures.ApiCalls);
            json.WriteNumber("stopped", figures.Stops);
            json.WriteNumber("failed", figures.Failures);
            if (figures.StopReason is { } reason)
            {
                json.WriteString("stopReason", reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
