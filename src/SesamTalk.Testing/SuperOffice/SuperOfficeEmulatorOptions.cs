namespace SesamTalk.Testing.SuperOffice;

/// <summary>Settings of a <see cref="SuperOfficeEmulator"/>: the app registration it accepts, its tenant, user and clock.</summary>
public sealed class SuperOfficeEmulatorOptions
{
    /// <summary>The app's client id (application id in the SuperOffice Developer Portal) the token endpoint accepts.</summary>
    public string ClientId { get; set; } = "gg454918d75b1b53101065c16ee51123";

    /// <summary>The app's client secret the token endpoint accepts (also the <c>SO-AppToken</c>).</summary>
    public string ClientSecret { get; set; } = "SesamTalkEmulatorSecret";

    /// <summary>The redirect URI registered for the app; the authorize and token calls must send exactly this.</summary>
    public string RedirectUri { get; set; } = "https://localhost/superoffice/callback";

    /// <summary>The tenant (ContextIdentifier), the first path segment of every API URL.</summary>
    public string ContextIdentifier { get; set; } = "Cust12345";

    /// <summary>The associate the app acts as: <c>UpdatedBy</c>/<c>CreatedBy</c>/default <c>Associate</c> of every API write.</summary>
    public int AssociateId { get; set; } = 5;

    /// <summary>How long an access token works: 3600 seconds in SuperOffice's OIDC reference (<c>"expires_in": 3600</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The zone entity dates are written in: entities carry local time with an offset (<c>2003-02-02T14:34:01.7525885+01:00</c>),
    /// archive rows UTC without one. UTC (offset <c>+00:00</c>) when null.
    /// </summary>
    public TimeZoneInfo? TimeZone { get; set; }

    /// <summary>The loopback port to listen on; 0 (the default) takes any free port.</summary>
    public int Port { get; set; }

    /// <summary>The clock for stamps and token expiry; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Extra field catalogs (JSON text in the format of <c>docs/catalogs.md</c>, <c>"system": "SuperOffice"</c>) that add
    /// fields the standard catalog lacks to the entities the emulator serves (Contact, Person, Sale, QuoteAlternative,
    /// QuoteLine, Product). Applied in order; a catalog of another system, one that adds an entity, or one that cannot be
    /// read fails the start.
    /// </summary>
    public ICollection<string> Catalogs { get; } = [];

    /// <summary>
    /// The waits between the attempts of one webhook delivery: SuperOffice makes three attempts, 1 s then 4 s apart
    /// (the default). Shorten them in tests; nine failed attempts in a row set the webhook TooManyErrors whatever they are.
    /// </summary>
    public IList<TimeSpan> WebhookRetryDelays { get; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)];

    /// <summary>How long a webhook target may take to answer one post before the attempt counts as failed. SuperOffice documents no figure; default 30 s.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
