using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.ExactOnline.Http;
using SesamTalk.Testing.ExactOnline.Schema;
using SesamTalk.Testing.ExactOnline.Webhooks;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.ExactOnline;

/// <summary>
/// A loopback emulator of the Exact Online REST API v1: OAuth 2.0 (authorization code, refresh-token rotation,
/// 10-minute access tokens), <c>current/Me</c>, OData v2 CRUD on crm/Accounts, logistics/Items, crm/Quotations(+Lines)
/// and salesorder/SalesOrders(+Lines) with deep insert of lines, paging with <c>$skiptoken</c>, the sync API
/// (<c>Timestamp</c>) with <c>sync/Deleted</c>, per-division rate limits with Exact's headers, catalog validation
/// with Exact's error body, fault injection, and webhooks: <c>webhooks/WebhookSubscriptions</c>, with every write to an
/// Accounts, Items, Quotations or SalesOrders entity posted to the subscriptions of its topic, signed, and retried. Each instance is one division on its own free port of 127.0.0.1.
/// </summary>
public sealed class ExactOnlineEmulator : IAsyncDisposable, IRandomFaults
{
    private readonly LoopbackHost _host;
    private readonly ExactOnlineDivision _division;

    private ExactOnlineEmulator(LoopbackHost host, ExactOnlineDivision division)
    {
        _host = host;
        _division = division;
    }

    /// <summary>The site URL (the emulated <c>https://start.exactonline.nl/</c>), ending in "/".</summary>
    public Uri BaseUrl => _host.BaseUrl;

    /// <summary>The OAuth authorize endpoint, <c>{BaseUrl}api/oauth2/auth</c>.</summary>
    public Uri AuthorizeUrl => new(BaseUrl, "api/oauth2/auth");

    /// <summary>The OAuth token endpoint, <c>{BaseUrl}api/oauth2/token</c>.</summary>
    public Uri TokenUrl => new(BaseUrl, "api/oauth2/token");

    /// <summary>The REST root of the division, <c>{BaseUrl}api/v1/{division}/</c>.</summary>
    public Uri ApiUrl => new(_division.Urls.Root);

    /// <summary>The client id the token endpoint accepts.</summary>
    public string ClientId => _division.Options.ClientId;

    /// <summary>The client secret the token endpoint accepts.</summary>
    public string ClientSecret => _division.Options.ClientSecret;

    /// <summary>The registered redirect URI.</summary>
    public string RedirectUri => _division.Options.RedirectUri;

    /// <summary>The division number (<c>CurrentDivision</c>).</summary>
    public int Division => _division.Number;

    /// <summary>The user every API write runs as (Creator, Modifier, DeletedBy).</summary>
    public Guid UserId => _division.UserId;

    /// <summary>Requests received per endpoint since start or the last <see cref="ResetCallCounts"/>, refused and faulted ones included.</summary>
    public IReadOnlyDictionary<ExactOnlineEndpoint, int> CallCounts => _division.Calls.ByEndpoint;

    /// <summary>Starts an emulator on 127.0.0.1 on a free port.</summary>
    public static async Task<ExactOnlineEmulator> StartAsync(ExactOnlineEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var division = new ExactOnlineDivision(options ?? new ExactOnlineEmulatorOptions());
        var host = await LoopbackHost.StartAsync(app => ExactOnlineRoutes.Map(app, division), division.Options.Port, cancellationToken).ConfigureAwait(false);
        division.Urls = new ResourceUrls(host.BaseUrl.ToString(), division.Number);
        return new ExactOnlineEmulator(host, division);
    }

    /// <summary>Issues an authorization code for the registered redirect URI, as if the user had just consented.</summary>
    public string IssueAuthorizationCode() => _division.Tokens.IssueCode(_division.Options.RedirectUri);

    /// <summary>Issues an access token without a token request, for tests that are not about authentication.</summary>
    public string IssueAccessToken() => _division.Tokens.IssueAccessToken();

    /// <summary>Issues a refresh token the refresh_token grant accepts (the start of a rotation chain).</summary>
    public string IssueRefreshToken() => _division.Tokens.IssueRefreshToken();

    /// <summary>Expires every issued access token: API calls answer 401 until a token is refreshed.</summary>
    public void ExpireAccessTokens() => _division.Tokens.ExpireAll();

    /// <summary>Sets how many calls the current minute and day have used, e.g. to the limit to provoke a 429.</summary>
    public void SetRateLimitUsage(int minutely, int daily) => _division.Limits.SetUsed(minutely, daily);

    /// <summary>Number of requests an endpoint has received.</summary>
    public int CallCount(ExactOnlineEndpoint endpoint) => _division.Calls.Get(endpoint);

    /// <summary>Number of requests an endpoint has received for one entity set (catalog name, e.g. "Accounts").</summary>
    public int CallCount(ExactOnlineEndpoint endpoint, string entity) => _division.Calls.Get(endpoint, entity);

    /// <summary>Forgets the request counts (the rate-limit windows are left alone).</summary>
    public void ResetCallCounts() => _division.Calls.Reset();

    /// <summary>Queues a fault for the next matching request(s).</summary>
    public void Inject(ExactOnlineFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _division.Faults.Add(fault);
    }

    /// <summary>Drops every queued fault.</summary>
    public void ClearFaults() => _division.Faults.Clear();

    /// <inheritdoc />
    public IReadOnlyDictionary<RandomFaultKind, int> FaultCounts => _division.Faults.Random.Counts;

    /// <inheritdoc />
    public void InjectRandomFaults(RandomFaultOptions options) => _division.Faults.Random.Start(options);

    /// <inheritdoc />
    public void StopRandomFaults() => _division.Faults.Random.Stop();

    /// <summary>
    /// Creates an entity directly in the division, as data that was there before the test or typed in by a user.
    /// Any field may be set (read-only ones and the key included); names, types, lengths, mandatory fields and
    /// references are still checked. A header may carry its lines nested. Returns the key.
    /// </summary>
    /// <param name="entity">The catalog name: "Accounts", "Items", "Quotations", "QuotationLines", "SalesOrders", "SalesOrderLines".</param>
    /// <param name="fields">Field values by API name, in request JSON form (ISO dates).</param>
    /// <param name="timestamp">Created and Modified; now when null.</param>
    public Guid Seed(string entity, JsonObject fields, DateTimeOffset? timestamp = null)
    {
        var schema = Schema(entity);
        lock (_division.Records.Gate)
        {
            return _division.Writer.Insert(schema, Validate(schema, fields, WriteKind.Seed), Stamp(timestamp)).Key;
        }
    }

    /// <summary>
    /// Changes an entity directly, as a user editing it in Exact would; stamps Modified and a new sync Timestamp and
    /// fires the topic's webhook notifications (<see cref="Seed"/> fires none: seeded data was there before).
    /// </summary>
    public void Edit(string entity, Guid key, JsonObject fields, DateTimeOffset? timestamp = null)
    {
        var schema = Schema(entity);
        lock (_division.Records.Gate)
        {
            var record = Existing(schema, key);
            _division.Writer.Update(record, Validate(schema, fields, WriteKind.Edit, key).Values, Stamp(timestamp));
            _division.Webhooks.Raise(record, WebhookDispatcher.Update);
        }
    }

    /// <summary>Deletes an entity (a header with its lines) directly, as a user would; <c>sync/Deleted</c> then reports it and webhooks notify it.</summary>
    public void Delete(string entity, Guid key, DateTimeOffset? timestamp = null)
    {
        var schema = Schema(entity);
        lock (_division.Records.Gate)
        {
            var record = Existing(schema, key);
            _division.Writer.Delete(record, Stamp(timestamp));
            _division.Webhooks.Raise(record, WebhookDispatcher.Delete);
        }
    }

    /// <summary>A copy of an entity's fields in response form (every field, nulls included), or null when there is none.</summary>
    public JsonObject? GetRecord(string entity, Guid key)
    {
        var schema = Schema(entity);
        lock (_division.Records.Gate)
        {
            return _division.Records.Find(schema, key)?.Values.DeepClone().AsObject();
        }
    }

    /// <summary>Copies of all entities of a set, in key order (the order Exact pages in).</summary>
    public IReadOnlyList<JsonObject> GetRecords(string entity)
    {
        var schema = Schema(entity);
        lock (_division.Records.Gate)
        {
            return [.. _division.Records.OfType(schema).Select(r => r.Values.DeepClone().AsObject())];
        }
    }

    /// <summary>The sync <c>Timestamp</c> (rowversion) of an entity, or null when there is none.</summary>
    public long? GetTimestamp(string entity, Guid key)
    {
        var schema = Schema(entity);
        lock (_division.Records.Gate)
        {
            return _division.Records.Find(schema, key)?.Timestamp;
        }
    }

    /// <summary>The app's webhook secret, the key of every notification's <c>HashCode</c>.</summary>
    public string WebhookSecret => _division.Options.WebhookSecret;

    /// <summary>The division's webhook subscriptions, in key order.</summary>
    public IReadOnlyList<ExactOnlineWebhookSubscription> WebhookSubscriptions => _division.Webhooks.Subscriptions.All;

    /// <summary>Every attempt to post a webhook notification so far, oldest first, retries included.</summary>
    public IReadOnlyList<ExactOnlineWebhookDelivery> WebhookDeliveries => _division.Webhooks.Deliveries;

    /// <summary>
    /// Removes a webhook subscription on Exact's side (as when a user revokes the app, or Exact drops a callback that
    /// keeps failing); false when there is none. Notifications queued for it are not sent.
    /// </summary>
    public bool DeleteWebhookSubscription(Guid id) => _division.Webhooks.Subscriptions.Remove(id);

    /// <summary>Loses the next <paramref name="count"/> webhook notifications (never posted, never retried), as an outage at Exact would.</summary>
    public void DropWebhookNotifications(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _division.Webhooks.Drop(count);
    }

    /// <summary>Stops listening; in-flight requests get until <paramref name="cancellationToken"/> fires to finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>Stops posting webhook notifications and listening (if still running), and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _division.Webhooks.DisposeAsync().ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
    }

    private ValidatedWrite Validate(EntitySchema schema, JsonObject fields, WriteKind kind, Guid? key = null)
    {
        try
        {
            return _division.Validator.Validate(schema, fields, kind, key);
        }
        catch (ApiException e)
        {
            throw new ArgumentException(e.Message, nameof(fields), e);
        }
    }

    private EntitySchema Schema(string entity) =>
        _division.Catalog.Find(entity) ?? throw new ArgumentException($"Unknown Exact Online entity set '{entity}'.", nameof(entity));

    private EntityRecord Existing(EntitySchema schema, Guid key) =>
        _division.Records.Find(schema, key) ?? throw new ArgumentException($"No {schema.Name} entity with key {key}.", nameof(key));

    private DateTimeOffset Stamp(DateTimeOffset? timestamp) =>
        timestamp is { } at ? ExactDate.TruncateToMillisecond(at) : _division.Now;
}
