using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.PubSub;

namespace SesamTalk.Testing.Salesforce;

/// <summary>
/// A loopback emulator of the Salesforce REST API (OAuth token endpoint, sObject CRUD, SOQL query with paging,
/// getUpdated/getDeleted, sObject Collections, Bulk API 2.0 ingest and query jobs) with Salesforce's error bodies, API limit accounting and fault
/// injection, and the Pub/Sub API (gRPC) serving change data capture events of every write. Each instance is an
/// independent org listening on its own free ports of 127.0.0.1.
/// </summary>
public sealed class SalesforceEmulator : IAsyncDisposable, IRandomFaults
{
    private readonly LoopbackHost _host;
    private readonly SalesforceOrg _org;
    private readonly PubSubEndpoint _pubSub;

    private SalesforceEmulator(LoopbackHost host, SalesforceOrg org, PubSubEndpoint pubSub)
    {
        _host = host;
        _org = org;
        _pubSub = pubSub;
    }

    /// <summary>The instance URL (what the token endpoint returns as <c>instance_url</c>), ending in "/".</summary>
    public Uri BaseUrl => _host.BaseUrl;

    /// <summary>The OAuth token endpoint, <c>{BaseUrl}services/oauth2/token</c>.</summary>
    public Uri TokenUrl => new(BaseUrl, "services/oauth2/token");

    /// <summary>
    /// The Pub/Sub API endpoint (gRPC over plaintext HTTP/2 on its own loopback port, <c>http://127.0.0.1:{port}/</c>, or
    /// over TLS, <c>https://…</c>, with <see cref="PubSub.PubSubOptions.Certificate"/>),
    /// authenticated like Salesforce's by the <c>accesstoken</c>, <c>instanceurl</c> (<see cref="BaseUrl"/>) and
    /// <c>tenantid</c> (<see cref="OrgId"/>) metadata headers.
    /// </summary>
    public Uri PubSubUrl => _pubSub.Url;

    /// <summary>The org id (18 characters), the Pub/Sub API's <c>tenantid</c>.</summary>
    public string OrgId => _org.OrgId;

    /// <summary>The consumer key the token endpoint accepts.</summary>
    public string ClientId => _org.Options.ClientId;

    /// <summary>The consumer secret the token endpoint accepts.</summary>
    public string ClientSecret => _org.Options.ClientSecret;

    /// <summary>The user name of the password grant, and the one user the JWT bearer grant issues tokens for (<c>sub</c>).</summary>
    public string Username => _org.Options.Username;

    /// <summary>The password of the password grant.</summary>
    public string Password => _org.Options.Password;

    /// <summary>The id of the integration user every API write runs as.</summary>
    public string UserId => _org.UserId;

    /// <summary>
    /// The id of the org's standard price book (<c>SELECT Id FROM Pricebook2 WHERE IsStandard = true</c>), which every org
    /// has from the start; null when <see cref="SalesforceEmulatorOptions.StandardPricebook"/> is off.
    /// </summary>
    public string? StandardPricebookId => _org.StandardPricebookId;

    /// <summary>API calls used from the daily budget (the N of <c>Sforce-Limit-Info: api-usage=N/M</c>).</summary>
    public int ApiUsage => _org.Usage.Used;

    /// <summary>Requests received per endpoint since start or the last <see cref="ResetCallCounts"/>, faulted ones included.</summary>
    public IReadOnlyDictionary<SalesforceEndpoint, int> CallCounts => _org.Calls.Snapshot;

    /// <summary>Starts an emulator on 127.0.0.1 on a free port.</summary>
    public static async Task<SalesforceEmulator> StartAsync(SalesforceEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var org = new SalesforceOrg(options ?? new SalesforceEmulatorOptions());
        var pubSub = new PubSubEndpoint(new PubSubService(org, org.ChangeEvents, org.Options.PubSub), org.Options.PubSub);
        var host = await LoopbackHost.StartAsync(
            app =>
            {
                SalesforceRoutes.Map(app, org);
                PubSubEndpoint.Map(app);
            },
            org.Options.Port,
            cancellationToken,
            pubSub.Configure).ConfigureAwait(false);
        org.InstanceUrl = host.BaseUrl.ToString().TrimEnd('/');
        return new SalesforceEmulator(host, org, pubSub);
    }

    /// <summary>Issues an access token without a token request, for tests that are not about authentication.</summary>
    public string IssueAccessToken() => _org.Tokens.IssueAccessToken();

    /// <summary>Issues a refresh token the refresh_token grant accepts (as if a user had authorised the app earlier).</summary>
    public string IssueRefreshToken() => _org.Tokens.IssueRefreshToken();

    /// <summary>Revokes a refresh token; the refresh_token grant then answers <c>invalid_grant</c>.</summary>
    public void RevokeRefreshToken(string refreshToken) => _org.Tokens.RevokeRefreshToken(refreshToken);

    /// <summary>
    /// Uploads the certificate of the connected app's "Use digital signatures" setting: the JWT bearer grant then accepts
    /// assertions signed with its private key, issued by <see cref="ClientId"/> for <see cref="Username"/>.
    /// </summary>
    public void UploadJwtCertificate(X509Certificate2 certificate) => _org.Jwt.UploadCertificate(certificate);

    /// <summary>Expires every issued access token: API calls answer 401 <c>INVALID_SESSION_ID</c> until a new token is obtained.</summary>
    public void ExpireAccessTokens() => _org.Tokens.ExpireAll();

    /// <summary>Sets how much of the daily API budget is used, e.g. to the limit to provoke <c>REQUEST_LIMIT_EXCEEDED</c>.</summary>
    public void SetApiUsage(int used) => _org.Usage.SetUsed(used);

    /// <summary>Number of requests an endpoint has received.</summary>
    public int CallCount(SalesforceEndpoint endpoint) => _org.Calls.Get(endpoint);

    /// <summary>Forgets the per-endpoint request counts (the API budget is left alone).</summary>
    public void ResetCallCounts() => _org.Calls.Reset();

    /// <summary>Queues a fault for the next matching request(s).</summary>
    public void Inject(SalesforceFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _org.Faults.Add(fault);
    }

    /// <summary>Drops every queued fault.</summary>
    public void ClearFaults() => _org.Faults.Clear();

    /// <inheritdoc />
    public IReadOnlyDictionary<RandomFaultKind, int> FaultCounts => _org.Faults.Random.Counts;

    /// <inheritdoc />
    public void InjectRandomFaults(RandomFaultOptions options) => _org.Faults.Random.Start(options);

    /// <inheritdoc />
    public void StopRandomFaults() => _org.Faults.Random.Stop();

    /// <summary>
    /// Holds closed Bulk API 2.0 jobs in the queue (UploadComplete) until <see cref="ResumeBulkJobs"/>, as a busy org
    /// would; a job already being processed finishes.
    /// </summary>
    public void PauseBulkJobs() => _org.Bulk.Queue.Pause();

    /// <summary>Lets queued Bulk API 2.0 jobs be processed again.</summary>
    public void ResumeBulkJobs() => _org.Bulk.Queue.Resume();

    /// <summary>
    /// Creates a record directly in the org, as data that was there before the test or typed in by a user.
    /// Any stored field may be set, read-only ones and objects the API cannot create (Invoice) included; field names,
    /// types, lengths and required fields are still checked. Returns the new 18-character id.
    /// </summary>
    /// <param name="objectType">The sObject type, e.g. "Product2".</param>
    /// <param name="fields">Field values by API name, in REST JSON form.</param>
    /// <param name="timestamp">CreatedDate, LastModifiedDate and SystemModstamp; now when null.</param>
    public string Seed(string objectType, JsonObject fields, DateTimeOffset? timestamp = null)
    {
        var schema = Schema(objectType);
        lock (_org.Records.Gate)
        {
            var values = Validate(schema, fields, WriteKind.Seed);
            return _org.Writer.Insert(schema, values, Stamp(timestamp)).Id;
        }
    }

    /// <summary>
    /// Plays a Salesforce Billing invoice run: an Invoice per Order that has none yet, generated from the order
    /// (<c>ReferenceEntityId</c>, <c>BillingAccountId</c>), due 30 days after <paramref name="invoiceDate"/>. The API cannot
    /// create invoices. Returns how many it generated.
    /// </summary>
    public int GenerateInvoices(DateOnly invoiceDate)
    {
        lock (_org.Records.Gate)
        {
            return _org.Billing.Run(invoiceDate, _org.Now);
        }
    }

    /// <summary>Changes a record directly in the org, as a user editing it in Salesforce would; stamps LastModifiedDate and SystemModstamp.</summary>
    public void Edit(string id, JsonObject fields, DateTimeOffset? timestamp = null)
    {
        lock (_org.Records.Gate)
        {
            var record = LiveRecord(id);
            _org.Writer.Update(record, Validate(record.Schema, fields, WriteKind.Edit), Stamp(timestamp));
        }
    }

    /// <summary>Deletes a record directly in the org (to the Recycle Bin), as a user would; getDeleted then reports it.</summary>
    public void Delete(string id, DateTimeOffset? timestamp = null)
    {
        lock (_org.Records.Gate)
        {
            _org.Writer.Delete(LiveRecord(id), Stamp(timestamp));
        }
    }

    /// <summary>A copy of a record's fields (every field, nulls included), or null when the id is unknown.</summary>
    public JsonObject? GetRecord(string id)
    {
        lock (_org.Records.Gate)
        {
            return _org.Records.Find(id)?.Values.DeepClone().AsObject();
        }
    }

    /// <summary>True when the record exists and is in the Recycle Bin.</summary>
    public bool IsDeleted(string id)
    {
        lock (_org.Records.Gate)
        {
            return _org.Records.Find(id)?.IsDeleted ?? false;
        }
    }

    /// <summary>Copies of all records of a type, in creation order; deleted ones only when asked.</summary>
    public IReadOnlyList<JsonObject> GetRecords(string objectType, bool includeDeleted = false)
    {
        var schema = Schema(objectType);
        lock (_org.Records.Gate)
        {
            return [.. _org.Records.OfType(schema).Where(r => includeDeleted || !r.IsDeleted).Select(r => r.Values.DeepClone().AsObject())];
        }
    }

    /// <summary>Pub/Sub API Subscribe streams open now, counted once their first FetchRequest is accepted (from then on every new event reaches them).</summary>
    public int OpenPubSubStreams => _pubSub.Service.OpenStreams;

    /// <summary>Cuts every open Pub/Sub API Subscribe stream, as a network failure would; clients must subscribe again.</summary>
    public void DropPubSubStreams() => _pubSub.Service.DropStreams();

    /// <summary>Purges the delete log: getDeleted windows that start before now answer <c>INVALID_REPLICATION_DATE</c>.</summary>
    public void PurgeDeleteLog() => _org.DeleteLogPurgedAt = _org.Clock.GetUtcNow();

    /// <summary>
    /// Stops listening; in-flight requests get until <paramref name="cancellationToken"/> fires to finish. Open Pub/Sub
    /// API Subscribe streams, which never finish by themselves, are cut at once.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        DropPubSubStreams();
        return _host.StopAsync(cancellationToken);
    }

    /// <summary>Stops listening (if still running), cutting open Subscribe streams, and releases the ports.</summary>
    public ValueTask DisposeAsync()
    {
        DropPubSubStreams();
        return _host.DisposeAsync();
    }

    private Dictionary<string, JsonNode?> Validate(Schema.SObjectSchema schema, JsonObject fields, WriteKind kind)
    {
        try
        {
            var (values, errors) = _org.Validator.Validate(schema, fields, kind);
            return errors.Count == 0 ? values
                : throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}")), nameof(fields));
        }
        catch (ApiException e)
        {
            throw new ArgumentException(e.Message, nameof(fields), e);
        }
    }

    /// <summary>The org's object type, or an error that names it and where the org's objects come from.</summary>
    private Schema.SObjectSchema Schema(string objectType) => _org.Schemas.Find(objectType) ?? throw new ArgumentException(
        $"The org has no sObject type '{objectType}': it is neither in the standard Salesforce catalog nor in SalesforceEmulatorOptions.Catalogs, or it is in DisabledObjects.",
        nameof(objectType));

    private SObjectRecord LiveRecord(string id) =>
        _org.Records.Find(id) is { IsDeleted: false } record ? record : throw new ArgumentException($"No live record with id '{id}'.", nameof(id));

    private DateTimeOffset Stamp(DateTimeOffset? timestamp) =>
        timestamp is { } at ? SalesforceDate.TruncateToSecond(at) : _org.Now;
}
