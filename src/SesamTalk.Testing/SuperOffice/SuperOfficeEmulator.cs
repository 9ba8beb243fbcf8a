using System.Text.Json.Nodes;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;
using SesamTalk.Testing.SuperOffice.Data;
using SesamTalk.Testing.SuperOffice.Http;
using SesamTalk.Testing.SuperOffice.Schema;
using SesamTalk.Testing.SuperOffice.Webhooks;

namespace SesamTalk.Testing.SuperOffice;

/// <summary>
/// A loopback emulator of SuperOffice CRM Online: OAuth 2.0 / OpenID Connect (authorization code, re-usable refresh
/// tokens, signed id_token with the tenant claims, metadata and JWKS), the tenant-state API, and WebAPI v1 under
/// <c>/{tenant}/api/v1/</c>: Contact, Person and Sale entities (GET, <c>default</c>, POST, PUT, PATCH, DELETE) in the
/// entity shapes with nested list items, OData archive lists (<c>$select</c>, <c>$filter</c>, <c>$orderBy</c>,
/// <c>$top</c>, <c>$skip</c>), the Quote agent for quote alternatives, quote lines and products, webhooks
/// (<c>/api/v1/Webhook</c>, with signed deliveries of contact, person and sale events over HTTP to their targets and
/// SuperOffice's retries and TooManyErrors state), catalog validation with SuperOffice's error body, and fault injection. Each instance
/// is one tenant on its own port of 127.0.0.1.
/// </summary>
public sealed class SuperOfficeEmulator : IAsyncDisposable, IRandomFaults
{
    private readonly LoopbackHost _host;
    private readonly SuperOfficeTenant _tenant;

    private SuperOfficeEmulator(LoopbackHost host, SuperOfficeTenant tenant)
    {
        _host = host;
        _tenant = tenant;
    }

    /// <summary>The site URL (the emulated <c>https://sod.superoffice.com/</c>, for identity and data alike), ending in "/".</summary>
    public Uri BaseUrl => _host.BaseUrl;

    /// <summary>The OAuth authorize endpoint, <c>{BaseUrl}login/common/oauth/authorize</c>.</summary>
    public Uri AuthorizeUrl => new(BaseUrl, "login/common/oauth/authorize");

    /// <summary>The OAuth token endpoint, <c>{BaseUrl}login/common/oauth/tokens</c>.</summary>
    public Uri TokenUrl => new(BaseUrl, "login/common/oauth/tokens");

    /// <summary>The OpenID Connect metadata, <c>{BaseUrl}login/.well-known/openid-configuration</c>.</summary>
    public Uri OpenIdConfigurationUrl => new(BaseUrl, "login/.well-known/openid-configuration");

    /// <summary>The tenant-state API of this tenant, <c>{BaseUrl}api/state/{ContextIdentifier}</c>.</summary>
    public Uri TenantStateUrl => new(BaseUrl, "api/state/" + ContextIdentifier);

    /// <summary>The WebAPI root of the tenant (the id_token's <c>webapi_url</c>), <c>{BaseUrl}{ContextIdentifier}/api/</c>.</summary>
    public Uri ApiUrl => new(_tenant.ApiRoot);

    /// <summary>The tenant id, e.g. "Cust12345".</summary>
    public string ContextIdentifier => _tenant.Options.ContextIdentifier;

    /// <summary>The client id the token endpoint accepts.</summary>
    public string ClientId => _tenant.Options.ClientId;

    /// <summary>The client secret the token endpoint accepts.</summary>
    public string ClientSecret => _tenant.Options.ClientSecret;

    /// <summary>The registered redirect URI.</summary>
    public string RedirectUri => _tenant.Options.RedirectUri;

    /// <summary>The associate every API write runs as (UpdatedBy, CreatedBy, default Associate).</summary>
    public int AssociateId => _tenant.Options.AssociateId;

    /// <summary>Requests received per endpoint since start or the last <see cref="ResetCallCounts"/>, refused and faulted ones included.</summary>
    public IReadOnlyDictionary<SuperOfficeEndpoint, int> CallCounts => _tenant.Calls.Snapshot;

    /// <summary>Starts an emulator on 127.0.0.1 (on <see cref="SuperOfficeEmulatorOptions.Port"/>, or a free port).</summary>
    public static async Task<SuperOfficeEmulator> StartAsync(SuperOfficeEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var tenant = new SuperOfficeTenant(options ?? new SuperOfficeEmulatorOptions());
        try
        {
            var host = await LoopbackHost.StartAsync(app => SuperOfficeRoutes.Map(app, tenant), tenant.Options.Port, cancellationToken).ConfigureAwait(false);
            tenant.BaseUrl = host.BaseUrl.ToString();
            return new SuperOfficeEmulator(host, tenant);
        }
        catch
        {
            await tenant.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Issues an authorization code for the registered redirect URI, as if the user had just consented.</summary>
    public string IssueAuthorizationCode() => _tenant.Tokens.IssueCode(_tenant.Options.RedirectUri);

    /// <summary>Issues an access token without a token request, for tests that are not about authentication.</summary>
    public string IssueAccessToken() => _tenant.Tokens.IssueAccessToken();

    /// <summary>Issues a refresh token the refresh_token grant accepts (re-usable, as SuperOffice's are).</summary>
    public string IssueRefreshToken() => _tenant.Tokens.IssueRefreshToken();

    /// <summary>The tenant's system token, as the administrator's id_token carries it (the System User flow signs it).</summary>
    public string SystemToken => _tenant.SystemToken;

    /// <summary>Registers the partner app's public key (PEM) for the System User flow (<c>PartnerSystemUser/Authenticate</c>).</summary>
    /// <param name="publicKeyPem">The public half of the key the app signs system tokens with.</param>
    public void RegisterSystemUserKey(string publicKeyPem)
    {
        var key = System.Security.Cryptography.RSA.Create();
        key.ImportFromPem(publicKeyPem);
        _tenant.SystemUserKey = key;
    }

    /// <summary>Expires every issued access token: API calls answer 401 until a token is refreshed.</summary>
    public void ExpireAccessTokens() => _tenant.Tokens.ExpireAll();

    /// <summary>Withdraws the user's consent: every refresh token is refused (invalid_grant).</summary>
    public void RevokeRefreshTokens() => _tenant.Tokens.RevokeRefreshTokens();

    /// <summary>Sets the tenant's state ("Running", or e.g. "Offline", "Updating"); while not running, API calls answer 503.</summary>
    public void SetTenantState(string state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        _tenant.State = state;
    }

    /// <summary>Number of requests an endpoint has received.</summary>
    public int CallCount(SuperOfficeEndpoint endpoint) => _tenant.Calls.Get(endpoint);

    /// <summary>Forgets the request counts.</summary>
    public void ResetCallCounts() => _tenant.Calls.Reset();

    /// <summary>Queues a fault for the next matching request(s).</summary>
    public void Inject(SuperOfficeFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _tenant.Faults.Add(fault);
    }

    /// <summary>Drops every queued fault.</summary>
    public void ClearFaults() => _tenant.Faults.Clear();

    /// <inheritdoc />
    public IReadOnlyDictionary<RandomFaultKind, int> FaultCounts => _tenant.Faults.Random.Counts;

    /// <inheritdoc />
    public void InjectRandomFaults(RandomFaultOptions options) => _tenant.Faults.Random.Start(options);

    /// <inheritdoc />
    public void StopRandomFaults() => _tenant.Faults.Random.Stop();

    /// <summary>
    /// Creates an entity directly in the tenant, as data that was there before the test or typed in by a user. Fields
    /// are in catalog form (list items and carriers as int ids, e.g. <c>"Country": 578</c>; dates ISO 8601; element
    /// fields as <c>[{"Value": …}]</c>); any catalog field may be set, the id included. Returns the id.
    /// </summary>
    /// <param name="entity">"Contact", "Person", "Sale", "QuoteAlternative", "QuoteLine" or "Product".</param>
    /// <param name="fields">Field values by catalog name.</param>
    /// <param name="timestamp">CreatedDate and UpdatedDate; now when null.</param>
    public int Seed(string entity, JsonObject fields, DateTimeOffset? timestamp = null)
    {
        var schema = Schema(entity);
        lock (_tenant.Records.Gate)
        {
            if ((int?)fields[schema.Key.Name] is { } id && _tenant.Records.Find(schema, id) is not null)
            {
                throw new ArgumentException($"{schema.Name} id {id} exists already.", nameof(fields));
            }

            return _tenant.Writer.Insert(schema, Validate(schema, fields, WriteKind.Seed), timestamp ?? _tenant.Now).Id;
        }
    }

    /// <summary>
    /// Changes an entity directly, as a user editing it in SuperOffice would; stamps UpdatedDate and UpdatedBy and
    /// records a <c>….changed</c> webhook notification.
    /// </summary>
    public void Edit(string entity, int id, JsonObject fields, DateTimeOffset? timestamp = null)
    {
        var schema = Schema(entity);
        lock (_tenant.Records.Gate)
        {
            var record = Existing(schema, id);
            var values = Validate(schema, fields, WriteKind.Edit);
            var before = record.Values.DeepClone().AsObject();
            _tenant.Writer.Update(record, values, timestamp ?? _tenant.Now);
            _tenant.WebhookEvents.Changed(record, before, timestamp ?? _tenant.Now);
        }
    }

    /// <summary>Deletes an entity directly, as a user would; records a <c>….deleted</c> webhook notification.</summary>
    public void Delete(string entity, int id)
    {
        var schema = Schema(entity);
        lock (_tenant.Records.Gate)
        {
            var record = Existing(schema, id);
            _tenant.Records.Remove(record);
            _tenant.WebhookEvents.Deleted(record, _tenant.Now);
        }
    }

    /// <summary>
    /// Adds a quote version to the quote of a sale (creating the quote on first use), as a user opening a quote on the
    /// sale would; seed quote alternatives with the returned id as their <c>QuoteVersionId</c>.
    /// </summary>
    /// <param name="saleId">An existing sale.</param>
    /// <returns>The new QuoteVersionId.</returns>
    public int SeedQuoteVersion(int saleId)
    {
        lock (_tenant.Records.Gate)
        {
            Existing(Schema("Sale"), saleId);
            return _tenant.Quotes.AddVersion(saleId);
        }
    }

    /// <summary>
    /// The webhook payloads the tenant raised for API writes and <see cref="Edit"/>/<see cref="Delete"/> (one per Active
    /// webhook listening for the event), oldest first, whether or not their delivery succeeded; seeding raises none.
    /// </summary>
    public IReadOnlyList<JsonObject> WebhookNotifications => _tenant.WebhookEvents.Sent;

    /// <summary>The registered webhooks as <c>GET /api/v1/Webhook</c> lists them (secrets included), in id order.</summary>
    public IReadOnlyList<JsonObject> GetWebhooks() => [.. _tenant.Webhooks.All().Select(w => WebhookJson.Render(w, _tenant.Zone))];

    /// <summary>Forgets the recorded webhook payloads.</summary>
    public void ClearWebhookNotifications() => _tenant.WebhookEvents.Clear();

    /// <summary>A copy of an entity's fields in catalog form (every field, nulls included), or null when there is none.</summary>
    public JsonObject? GetRecord(string entity, int id)
    {
        var schema = Schema(entity);
        lock (_tenant.Records.Gate)
        {
            return _tenant.Records.Find(schema, id)?.Values.DeepClone().AsObject();
        }
    }

    /// <summary>Copies of all entities of a kind, in id order.</summary>
    public IReadOnlyList<JsonObject> GetRecords(string entity)
    {
        var schema = Schema(entity);
        lock (_tenant.Records.Gate)
        {
            return [.. _tenant.Records.OfType(schema).Select(r => r.Values.DeepClone().AsObject())];
        }
    }

    /// <summary>Stops listening; in-flight requests get until <paramref name="cancellationToken"/> fires to finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>Stops listening (if still running), releases the port and the signing key.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);
        await _tenant.DisposeAsync().ConfigureAwait(false);
    }

    private Dictionary<string, JsonNode?> Validate(EntitySchema schema, JsonObject fields, WriteKind kind)
    {
        try
        {
            return _tenant.Validator.Validate(schema, fields, kind);
        }
        catch (SoException e)
        {
            throw new ArgumentException(e.Message, nameof(fields), e);
        }
    }

    private EntitySchema Schema(string entity) =>
        _tenant.Catalog.Find(entity) ?? throw new ArgumentException($"Unknown SuperOffice entity '{entity}'.", nameof(entity));

    private EntityRecord Existing(EntitySchema schema, int id) =>
        _tenant.Records.Find(schema, id) ?? throw new ArgumentException($"No {schema.Name} with id {id}.", nameof(id));
}
