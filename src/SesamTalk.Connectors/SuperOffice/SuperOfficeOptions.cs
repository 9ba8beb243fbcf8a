namespace SesamTalk.Connectors.SuperOffice;

/// <summary>How to reach one SuperOffice CRM Online tenant (bound from configuration, e.g. the <c>SesamTalk:SuperOffice</c> section).</summary>
public sealed class SuperOfficeOptions : Http.IRetrySettings
{
    /// <summary>The identity site, e.g. <c>https://online.superoffice.com/</c> (or <c>sod</c>/<c>qaonline</c>), or an emulator.</summary>
    public Uri? LoginBaseUrl { get; set; }

    /// <summary>
    /// The tenant's WebAPI root (the id_token's <c>webapi_url</c>, e.g. <c>https://online3.superoffice.com/Cust12345/api/</c>).
    /// When null it is <see cref="LoginBaseUrl"/> + <see cref="Tenant"/> + <c>/api/</c>.
    /// </summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The tenant (ContextIdentifier), e.g. <c>Cust12345</c>; used when <see cref="ApiUrl"/> is not set.</summary>
    public string? Tenant { get; set; }

    /// <summary>The app's client id (application id in the Developer Portal).</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The app's client secret. Never logged.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// Signs in with the server-to-server System User flow instead of a refresh token, when set (the refresh-token store
    /// is then not used).
    /// </summary>
    public SuperOfficeSystemUserOptions? SystemUser { get; set; }

    /// <summary>The redirect URI registered for the app.</summary>
    public string RedirectUri { get; set; } = "";

    /// <summary>How long before its expiry an access token is replaced.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rows per archive page (<c>$top</c>).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>How many times a throttled or transiently failed call is retried.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The longest wait between two tries. A server that asks for a longer wait (Retry-After) is not retried: the call fails and the engine stops the cycle at its last checkpoint.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one try of a call may wait for its answer before it counts as failed (and, when the call is safe to repeat, is tried again).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The secret SuperOffice signs webhook posts with (<c>X-SuperOffice-Signature</c>), required when change
    /// notifications are on (<c>SesamTalk:Notifications:Enabled</c>): the change source registers the webhook with it
    /// and the receiver refuses posts not signed with it. A long random value; never logged.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>How often the change source reads its webhook back to find it stopped (TooManyErrors) or deleted. Default 5 minutes.</summary>
    public TimeSpan WebhookCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
