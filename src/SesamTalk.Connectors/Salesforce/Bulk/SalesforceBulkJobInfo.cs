using System.Text.Json;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>What the connector reads of a Bulk API 2.0 job's info.</summary>
/// <param name="Id">The job id (750…).</param>
/// <param name="State">Open, UploadComplete, InProgress, JobComplete, Failed or Aborted.</param>
/// <param name="RecordsProcessed"><c>numberRecordsProcessed</c>.</param>
/// <param name="ErrorMessage">Why a Failed ingest job failed, when Salesforce says.</param>
internal sealed record SalesforceBulkJobInfo(string Id, string State, int RecordsProcessed, string? ErrorMessage)
{
    /// <summary>Whether processing is over.</summary>
    public bool IsFinished => State is "JobComplete" or "Failed" or "Aborted";

    public static SalesforceBulkJobInfo Read(JsonElement json) => new(
        json.GetProperty("id").GetString()!,
        json.GetProperty("state").GetString()!,
        json.TryGetProperty("numberRecordsProcessed", out var processed) && processed.TryGetInt32(out var count) ? count : 0,
        json.TryGetProperty("errorMessage", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null);
}
