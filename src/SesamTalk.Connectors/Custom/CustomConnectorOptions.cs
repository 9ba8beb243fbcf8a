namespace SesamTalk.Connectors.Custom;

/// <summary>How to reach one custom system (named options: one set per system, e.g. <c>Customcrm</c>).</summary>
public sealed class CustomConnectorOptions : Http.IRetrySettings
{
    /// <summary>The system's contract base URL, e.g. <c>https://crm.example.com/sesam/</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The system's API key, sent as a bearer token. Never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Records per change-feed page (1 to 1000).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>How many times a throttled or transiently failed call is retried.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The longest wait between two tries. A server that asks for a longer wait (Retry-After) is not retried: the call fails and the engine stops the cycle at its last checkpoint.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one try of a call may wait for its answer before it counts as failed (and, when the call is safe to repeat, is tried again).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The secret the system is to sign its webhook deliveries with (32 to 128 printable characters, no spaces), sent
    /// when the change source subscribes. Setting it turns the system's webhooks on (when <c>SesamTalk:Notifications</c>
    /// is enabled); empty, the system is polled only. Keep it in a secret store; never logged. Changing it makes the
    /// source replace its subscription at the next start.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>How far a delivery's signed timestamp may be from now before the receiver refuses it as a replay (default 5 minutes).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the change source checks that its subscription is still there and enabled (default 5 minutes).</summary>
    public TimeSpan WebhookCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
