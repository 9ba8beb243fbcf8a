namespace SesamTalk.Connectors.Salesforce;

/// <summary>How to reach one Salesforce org (bound from configuration, e.g. the <c>SesamTalk:Salesforce</c> section).</summary>
public sealed class SalesforceOptions : Http.IRetrySettings
{
    /// <summary>The login host that issues tokens: <c>https://login.salesforce.com</c>, the org's My Domain, or an emulator.</summary>
    public Uri? LoginUrl { get; set; }

    /// <summary>The connected app's consumer key.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The connected app's consumer secret. Never logged.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// A refresh token from the OAuth web-server flow. When set, the connector signs in with the refresh-token grant
    /// (as the integration user who consented); when empty, with the client-credentials grant of the connected app.
    /// Never logged.
    /// </summary>
    public string? RefreshToken { get; set; }

    /// <summary>
    /// The JWT bearer grant's user, audience and private key. When set, the connector signs in with that grant (no
    /// client secret and no refresh token are used); the consumer key is <see cref="ClientId"/>.
    /// </summary>
    public SalesforceJwtBearerOptions? JwtBearer { get; set; }

    /// <summary>The REST API version, e.g. <c>64.0</c>.</summary>
    public string ApiVersion { get; set; } = "64.0";

    /// <summary>
    /// Daily API calls to leave unused for the org's other integrations: once only this many are left, the connector
    /// stops calling and the cycle ends at its checkpoint.
    /// </summary>
    public int DailyCallReserve { get; set; } = 500;

    /// <summary>
    /// How far before its cursor each change read starts: records a long transaction stamped earlier but committed later
    /// are still found. The cursor remembers the (SystemModstamp, Id) of the records it delivered in this window (up to
    /// 5,000, not those of its own second), so those are read from the API again but not handed to the engine; zero turns
    /// the overlap off.
    /// </summary>
    public TimeSpan ChangeOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times a throttled or transiently failed call is retried.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The longest wait between two tries. A server that asks for a longer wait (Retry-After) is not retried: the call fails and the engine stops the cycle at its last checkpoint.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one try of a call may wait for its answer before it counts as failed (and, when the call is safe to repeat, is tried again).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// More records than this in one read or write go through Bulk API 2.0 instead of REST queries and sObject
    /// Collections: an ingest job writes thousands of records in a handful of calls, a query job reads them in sets of
    /// <see cref="BulkBatchSize"/>. Salesforce advises Bulk API above about 2,000 records. 0 turns the bulk path off.
    /// </summary>
    public int BulkThreshold { get; set; } = 2_000;

    /// <summary>
    /// Records per ingest job and per set of query results: with the bulk path on, the connector splits a larger write into
    /// jobs of this many records, and the engine's units of host changes are this size. Salesforce processes ingest data in batches of 10,000 records, each taking one of the org's
    /// 15,000 daily batches.
    /// </summary>
    public int BulkBatchSize { get; set; } = 10_000;

    /// <summary>The first wait before a bulk job's state is read again; each further wait doubles, up to <see cref="BulkMaxPollInterval"/>.</summary>
    public TimeSpan BulkPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two reads of a bulk job's state.</summary>
    public TimeSpan BulkMaxPollInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long the connector waits for a bulk job to finish before the call fails (the engine stops the cycle at its
    /// checkpoint); the next cycle finds the job again in the job log and waits on, without writing anything twice.
    /// </summary>
    public TimeSpan BulkJobTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The directory of the bulk job log: the id of every ingest job that creates records, with the idempotency key of
    /// each of its rows, written before the job's data is uploaded, so that a rerun after a crash finds the job instead
    /// of creating the records again. Keep it beside the link store; a relative path is relative to the working
    /// directory. Entries go after seven days, when Salesforce deletes the job.
    /// </summary>
    public string BulkJobLog { get; set; } = "sesamtalk-salesforce-bulk-jobs";

    /// <summary>
    /// Whether a create's result carries the record as Salesforce stored it, predicted from the values sent and describe
    /// (text trimmed, datetimes to the second, numbers as doubles, ids in 18 characters), so the engine does not read the
    /// records back. Creates of a type whose mapped fields Salesforce fills or computes (defaults, formulas, roll-ups),
    /// with child records or by upsert are read back all the same. Turn it off for an org whose triggers, flows or
    /// workflow field updates change mapped fields on create: the engine then reads every created record back and
    /// takes what they made of it as the agreed value.
    /// </summary>
    public bool PredictStoredRecords { get; set; } = true;
}
