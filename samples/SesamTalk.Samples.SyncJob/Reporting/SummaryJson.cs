using System.Text.Json;
using SesamTalk.Samples.SyncJob.Propagation;

namespace SesamTalk.Samples.SyncJob.Reporting;

/// <summary>
/// Writes <c>{"flows":[{"flow": "...", "read": n, ...}], "propagation":[{"system": "...", "flow": "...", "milliseconds": n, "notified": b}]}</c>:
/// one <c>flows</c> entry per seed row, one <c>propagation</c> entry per timed edit of the live phase (<c>milliseconds</c>
/// null for an edit that did not arrive).
/// </summary>
internal static class SummaryJson
{
    public static async Task WriteAsync(string path, IReadOnlyList<(SeedRow Row, FlowFigures Figures)> rows, IReadOnlyList<PropagationTime> propagation, CancellationToken cancellationToken)
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
        json.WriteStartArray("propagation");
        foreach (var time in propagation)
        {
            json.WriteStartObject();
            json.WriteString("system", time.System);
            json.WriteString("flow", time.Flow);
            if (time.Milliseconds is { } milliseconds)
            {
                json.WriteNumber("milliseconds", Math.Round(milliseconds, 1));
            }
            else
            {
                json.WriteNull("milliseconds");
            }

            json.WriteBoolean("notified", time.Notified);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
