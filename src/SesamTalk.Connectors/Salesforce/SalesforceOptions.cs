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
    /// are still found. Records read again cost nothing but the read; zero turns the overlap off.
    /// </summary>
    public TimeSpan ChangeOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times a throttled or transiently failed call is retried.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The longest wait between two tries. A server that asks for a longer wait (Retry-After) is not retried: the call fails and the engine stops the cycle at its last checkpoint.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one try of a call may wait for its answer before it counts as failed (and, when the call is safe to repeat, is tried again).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
