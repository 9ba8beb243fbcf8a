using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Data;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// What ingest and query jobs share: identity, operation, object, CSV dialect, API version, state and the
/// processing counters the job info reports. Callers hold <see cref="Gate"/> to read or change the state.
/// </summary>
internal abstract class BulkJob(string id, string operation, string objectName, CsvDialect dialect, string apiVersion, string createdById, DateTimeOffset now)
{
    public object Gate { get; } = new();

    public string Id { get; } = id;

    /// <summary>insert, update, upsert, delete (ingest) or query, queryAll.</summary>
    public string Operation { get; } = operation;

    /// <summary>The sObject type as the schema names it.</summary>
    public string Object { get; } = objectName;

    public CsvDialect Dialect { get; } = dialect;

    /// <summary>The version of the URL the job was created with, e.g. "64.0".</summary>
    public string ApiVersion { get; } = apiVersion;

    public string CreatedById { get; } = createdById;

    public DateTimeOffset CreatedDate { get; } = now;

    public DateTimeOffset SystemModstamp { get; private set; } = now;

    public BulkJobState State { get; private set; } = BulkJobState.UploadComplete;

    /// <summary>When the job reached a terminal state; jobs are deleted seven days after.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    public int RecordsProcessed { get; set; }

    public int RecordsFailed { get; set; }

    /// <summary>Milliseconds spent processing (totalProcessingTime).</summary>
    public long ProcessingMilliseconds { get; set; }

    /// <summary>Why a Failed job failed, e.g. <c>InvalidBatch : Field name not found : Foo</c>.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>The V2Ingest or V2Query job type the job info reports.</summary>
    public abstract string JobType { get; }

    public void MoveTo(BulkJobState state, DateTimeOffset now)
    {
        State = state;
        SystemModstamp = now;
        if (state.IsTerminal())
        {
            FinishedAt = now;
        }
    }

    /// <summary>The job info of <c>GET /jobs/{kind}/{id}</c>: every member, counters included.</summary>
    public JsonObject Info(string dataPath)
    {
        var json = Summary(dataPath);
        json["jobType"] = JobType;
        AddUploadUrl(json, dataPath);
        AddDialect(json);
        json["numberRecordsProcessed"] = RecordsProcessed;
        AddCounters(json);
        json["retries"] = 0;
        json["totalProcessingTime"] = ProcessingMilliseconds;
        if (ErrorMessage is not null)
        {
            json["errorMessage"] = ErrorMessage;
        }

        return json;
    }

    /// <summary>
    /// The members every answer about a job carries (the close and abort answers carry only these): id, operation,
    /// object, creator, dates, state, concurrency mode, content type and API version.
    /// </summary>
    public JsonObject Summary(string dataPath)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["operation"] = Operation,
            ["object"] = Object,
            ["createdById"] = CreatedById,
            ["createdDate"] = SalesforceDate.FormatDateTime(CreatedDate),
            ["systemModstamp"] = SalesforceDate.FormatDateTime(SystemModstamp),
            ["state"] = State.ToString(),
        };
        AddDefinition(json, dataPath);
        json["concurrencyMode"] = "Parallel";
        json["contentType"] = "CSV";
        // Salesforce writes the version as a number with its decimal: 64.0, not 64.
        json["apiVersion"] = JsonValue.Create(decimal.Parse(ApiVersion, CultureInfo.InvariantCulture));
        return json;
    }

    /// <summary>The answer to the create call: the summary with the CSV dialect (and, for ingest, where to upload).</summary>
    public JsonObject Created(string dataPath)
    {
        var json = Summary(dataPath);
        AddUploadUrl(json, dataPath);
        AddDialect(json);
        return json;
    }

    /// <summary>Adds the job kind's own definition members (externalIdFieldName for ingest).</summary>
    protected virtual void AddDefinition(JsonObject json, string dataPath)
    {
    }

    /// <summary>Adds contentUrl while the job takes data.</summary>
    protected virtual void AddUploadUrl(JsonObject json, string dataPath)
    {
    }

    /// <summary>Adds the kind's counters after numberRecordsProcessed.</summary>
    protected virtual void AddCounters(JsonObject json)
    {
    }

    private void AddDialect(JsonObject json)
    {
        json["lineEnding"] = Dialect.LineEndingName;
        json["columnDelimiter"] = Dialect.DelimiterName;
    }
}
