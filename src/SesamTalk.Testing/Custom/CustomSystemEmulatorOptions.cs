namespace SesamTalk.Testing.Custom;

/// <summary>Settings of a <see cref="CustomSystemEmulator"/>: the API key it accepts, an optional catalog, the rate limit, the webhooks' delivery and the clock.</summary>
public sealed class CustomSystemEmulatorOptions
{
    /// <summary>The static API key clients send as <c>Authorization: Bearer {key}</c>.</summary>
    public string ApiKey { get; set; } = "sesamtalk-emulator-api-key";

    /// <summary>
    /// A field catalog as JSON text (format in <c>docs/catalogs.md</c>), e.g. a host's <c>Customcrm.catalog.json</c>.
    /// When set, only its types exist and every write and seed is checked against it; when null, any type and field is accepted.
    /// </summary>
    public string? Catalog { get; set; }

    /// <summary>Requests allowed per <see cref="RateLimitWindow"/>; more answer 429 with <c>Retry-After</c>.</summary>
    public int RateLimit { get; set; } = 1000;

    /// <summary>The fixed window the <see cref="RateLimit"/> counts in.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The loopback port to listen on; 0 (the default) takes any free port.</summary>
    public int Port { get; set; }

    /// <summary>The clock for modification stamps, the change feed's horizon and the rate limit; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// The waits before each retry of a webhook delivery that failed (no answer, or not 2xx): one retry per entry. The
    /// contract's schedule by default: 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 tries over about 28 hours).
    /// Tests set a short one, or none.
    /// </summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; set; } =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>How many deliveries in a row may fail before the subscription is disabled (default 20).</summary>
    public int WebhookDisableAfterFailures { get; set; } = 20;

    /// <summary>How long one delivery may wait for the receiver's answer before it counts as failed (default 10 seconds).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long writes are gathered before their events go out: writes of one type and action within it make one
    /// event of up to 100 ids (default 100 ms; zero sends each write's event at once).
    /// </summary>
    public TimeSpan WebhookGatherWindow { get; set; } = TimeSpan.FromMilliseconds(100);
}
