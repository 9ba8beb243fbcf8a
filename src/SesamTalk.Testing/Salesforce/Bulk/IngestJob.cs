using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// An ingest job: its definition, the CSV uploaded while it was Open, and per row the outcome processing gave it.
/// Results keep each row's fields as uploaded, so result files repeat the original columns.
/// </summary>
internal sealed class IngestJob(string id, string operation, string objectName, string? externalIdFieldName, CsvDialect dialect, string apiVersion, string createdById, DateTimeOffset now)
    : BulkJob(id, operation, objectName, dialect, apiVersion, createdById, now)
{
    /// <summary>The upsert key, as the job definition named it.</summary>
    public string? ExternalIdFieldName { get; } = externalIdFieldName;

    /// <summary>The uploaded CSV, or null before the upload.</summary>
    public string? Data { get; set; }

    /// <summary>The header of the uploaded CSV as written (results repeat it); empty until processing reads it.</summary>
    public string[] Header { get; set; } = [];

    /// <summary>The rows of the uploaded CSV, header excluded; empty until processing reads them.</summary>
    public List<string[]> Rows { get; set; } = [];

    /// <summary>Rows processed so far, in upload order.</summary>
    public int NextRow { get; set; }

    public List<(string Id, bool Created, string[] Row)> Succeeded { get; } = [];

    public List<(string Id, string Error, string[] Row)> Failures { get; } = [];

    public override string JobType => "V2Ingest";

    /// <summary>Rows no processing reached (after an abort or a failure).</summary>
    public IEnumerable<string[]> Unprocessed => Rows.Skip(NextRow);

    protected override void AddDefinition(JsonObject json, string dataPath)
    {
        if (ExternalIdFieldName is not null)
        {
            json["externalIdFieldName"] = ExternalIdFieldName;
        }
    }

    protected override void AddUploadUrl(JsonObject json, string dataPath)
    {
        if (State == BulkJobState.Open)
        {
            // Relative, without a leading slash, as Salesforce writes it.
            json["contentUrl"] = $"{dataPath.TrimStart('/')}/jobs/ingest/{Id}/batches";
        }
    }

    protected override void AddCounters(JsonObject json) => json["numberRecordsFailed"] = RecordsFailed;
}
