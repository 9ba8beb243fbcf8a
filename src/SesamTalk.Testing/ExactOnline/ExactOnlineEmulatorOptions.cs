namespace SesamTalk.Testing.ExactOnline;

/// <summary>Settings of an <see cref="ExactOnlineEmulator"/>: the app registration it accepts, its division, limits and clock.</summary>
public sealed class ExactOnlineEmulatorOptions
{
    /// <summary>The app's client id (a GUID in Exact's App Center) the token endpoint accepts.</summary>
    public string ClientId { get; set; } = "5b4d4c3e-2a1f-4e6d-9c8b-7a6f5e4d3c2b";

    /// <summary>The app's client secret the token endpoint accepts.</summary>
    public string ClientSecret { get; set; } = "SesamTalkEmulatorSecret";

    /// <summary>The redirect URI registered for the app; the authorize and token calls must send exactly this.</summary>
    public string RedirectUri { get; set; } = "https://localhost/exact/callback";

    /// <summary>The user's current division (company), as <c>/api/v1/current/Me</c> reports it; other divisions are forbidden.</summary>
    public int Division { get; set; } = 499156;

    /// <summary>How long an access token works: 10 minutes at Exact (<c>"expires_in":"600"</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an unused refresh token stays valid: 30 days at Exact.</summary>
    public TimeSpan RefreshTokenIdleLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>API calls allowed per division per minute (60 at Exact).</summary>
    public int MinutelyLimit { get; set; } = 60;

    /// <summary>API calls allowed per division per day (5,000 for apps registered since 2021).</summary>
    public int DailyLimit { get; set; } = 5_000;

    /// <summary>Rows per page of the standard endpoints (60 at Exact).</summary>
    public int PageSize { get; set; } = 60;

    /// <summary>Rows per page of the sync endpoints (1,000 at Exact).</summary>
    public int SyncPageSize { get; set; } = 1_000;

    /// <summary>
    /// The app's webhook secret (set in Exact's App Center, apart from the client secret): the key of the <c>HashCode</c>
    /// every webhook notification carries.
    /// </summary>
    public string WebhookSecret { get; set; } = "SesamTalkEmulatorWebhookSecret";

    /// <summary>
    /// The waits before each retry of a webhook notification the callback did not take (no 2xx answer); one retry per
    /// entry. Exact's own schedule is not in the references; the default tries again after 1, 5 and 15 minutes.
    /// </summary>
    public IList<TimeSpan> WebhookRetryDelays { get; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];

    /// <summary>How long a webhook notification waits for the callback's answer before the attempt counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The loopback port to listen on; 0 (the default) takes any free port.</summary>
    public int Port { get; set; }

    /// <summary>The clock for stamps, token expiry and rate-limit windows; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Extra field catalogs (JSON text in the format of <c>docs/catalogs.md</c>, <c>"system": "ExactOnline"</c>) that add
    /// properties the standard catalog lacks to the entity sets the emulator serves (Accounts, Items, Quotations,
    /// QuotationLines, SalesOrders, SalesOrderLines). Applied in order; a catalog of another system, one that adds an
    /// entity set, or one that cannot be read fails the start.
    /// </summary>
    public ICollection<string> Catalogs { get; } = [];
}
