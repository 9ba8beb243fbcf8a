using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;
using SesamTalk.Testing.SuperOffice.Auth;
using SesamTalk.Testing.SuperOffice.Data;
using SesamTalk.Testing.SuperOffice.Schema;
using SesamTalk.Testing.SuperOffice.Webhooks;

namespace SesamTalk.Testing.SuperOffice;

/// <summary>The state of one emulated tenant (with its user and app), shared by every handler of one emulator instance.</summary>
internal sealed class SuperOfficeTenant : IAsyncDisposable
{
    public const string CompanyName = "SesamTalk Emulated Tenant";

    public const string RunningState = "Running";

    public SuperOfficeTenant(SuperOfficeEmulatorOptions options)
    {
        Options = options;
        Clock = options.TimeProvider ?? TimeProvider.System;
        Zone = options.TimeZone ?? TimeZoneInfo.Utc;
        Catalog = EntityCatalog.With([.. options.Catalogs]);
        Validator = new RecordValidator(Catalog, Records);
        Writer = new RecordWriter(Records, options.AssociateId);
        Tokens = new TokenStore(Clock, options.AccessTokenLifetime, options.ContextIdentifier);
        WebhookPoster = new WebhookPoster(options.WebhookTimeout);
        WebhookDispatcher = new WebhookDispatcher(Webhooks, WebhookPoster, [.. options.WebhookRetryDelays]);
        WebhookEvents = new WebhookEvents(Webhooks, WebhookDispatcher, options.ContextIdentifier, options.AssociateId);
    }

    public SuperOfficeEmulatorOptions Options { get; }

    public TimeProvider Clock { get; }

    /// <summary>The zone entity dates are written in.</summary>
    public TimeZoneInfo Zone { get; }

    public EntityCatalog Catalog { get; }

    public RecordStore Records { get; } = new();

    public RecordValidator Validator { get; }

    public RecordWriter Writer { get; }

    public TokenStore Tokens { get; }

    public IdTokenIssuer IdTokens { get; } = new();

    /// <summary>The webhooks registered through <c>/api/v1/Webhook</c>.</summary>
    public WebhookRegistry Webhooks { get; } = new();

    /// <summary>Posts single payloads: the test event of a save, and each attempt of a delivery.</summary>
    public WebhookPoster WebhookPoster { get; }

    /// <summary>Delivers the events' payloads off the request path, with SuperOffice's retries.</summary>
    public WebhookDispatcher WebhookDispatcher { get; }

    /// <summary>Raises entity events to the webhooks listening for them.</summary>
    public WebhookEvents WebhookEvents { get; }

    /// <summary>Which quote versions the sales' quotes have.</summary>
    public QuoteRegister Quotes { get; } = new();

    public CallCounts<SuperOfficeEndpoint> Calls { get; } = new();

    public FaultInjector<SuperOfficeEndpoint> Faults { get; } = new(expiringTokens: true);

    /// <summary>The tenant's state as <c>/api/state/{ctx}</c> reports it ("Running" unless a test changes it).</summary>
    public string State { get; set; } = RunningState;

    public bool IsRunning => State == RunningState;

    /// <summary>The system user token the id_token carries (<c>AppName-&lt;random&gt;</c>, stable per tenant and app).</summary>
    public string SystemToken { get; } = "SesamTalk-" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>The public key of the partner app's system-user signing key, once registered; null refuses the System User flow.</summary>
    public System.Security.Cryptography.RSA? SystemUserKey { get; set; }

    public string UserPrincipalName => $"integration@{Options.ContextIdentifier.ToLowerInvariant()}.example.com";

    /// <summary>Set once the emulator listens: the site root, ending in "/".</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1/";

    /// <summary>The OIDC issuer: the site root without the trailing slash.</summary>
    public string Issuer => BaseUrl.TrimEnd('/');

    /// <summary><c>{BaseUrl}{ctx}/</c>.</summary>
    public string TenantRoot => BaseUrl + Options.ContextIdentifier + "/";

    /// <summary><c>{BaseUrl}{ctx}/api/</c>, the id_token's <c>webapi_url</c>.</summary>
    public string ApiRoot => TenantRoot + "api/";

    public EntityJson Json => new(Records, Zone, ApiRoot);

    public DateTimeOffset Now => Clock.GetUtcNow();

    public async ValueTask DisposeAsync()
    {
        await WebhookDispatcher.DisposeAsync().ConfigureAwait(false);
        WebhookPoster.Dispose();
        IdTokens.Dispose();
    }
}
