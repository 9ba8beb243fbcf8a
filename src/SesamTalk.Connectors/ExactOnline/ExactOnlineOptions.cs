namespace SesamTalk.Connectors.ExactOnline;

/// <summary>How to reach one Exact Online division (bound from configuration, e.g. the <c>SesamTalk:ExactOnline</c> section).</summary>
public sealed class ExactOnlineOptions : Http.IRetrySettings, Http.IOAuthApp
{
    /// <summary>The country site, e.g. <c>https://start.exactonline.nl/</c>, or an emulator. OAuth and REST live below it.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The app's client id from Exact's App Center.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The app's client secret. Never logged.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The redirect URI registered for the app; the authorization-code exchange must send exactly this.</summary>
    public string RedirectUri { get; set; } = "";

    /// <summary>The division (company) to work in; when null, the user's current division is read from <c>/api/v1/current/Me</c>.</summary>
    public int? Division { get; set; }

    /// <summary>
    /// How long before its expiry an access token is replaced. Exact's tokens live 600 s and Exact asks apps not to
    /// fetch a new one within 570 s of the previous one, hence 30 s.
    /// </summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The app's webhook secret from Exact's App Center (not the client secret): the key of the <c>HashCode</c> that signs
    /// every webhook notification. Required when <c>SesamTalk:Notifications:Enabled</c> is true. Never logged.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>
    /// How often the webhook subscriptions are listed to find one that vanished (it is then reported lost, so the flows
    /// poll and run a full cycle, and created again). Default 5 minutes.
    /// </summary>
    public TimeSpan WebhookCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a throttled or transiently failed call is retried.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The longest wait between two tries. A server that asks for a longer wait (Retry-After) is not retried: the call fails and the engine stops the cycle at its last checkpoint.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one try of a call may wait for its answer before it counts as failed (and, when the call is safe to repeat, is tried again).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
