namespace SesamTalk.Testing.Custom;

/// <summary>Settings of a <see cref="CustomSystemEmulator"/>: the API key it accepts, an optional catalog, the rate limit and the clock.</summary>
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
}
