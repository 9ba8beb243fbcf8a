namespace SesamTalk.Testing.Custom;

/// <summary>Settings of the contract's endpoints when a host mounts them with <see cref="CustomSystemEndpointRouteBuilderExtensions.MapCustomSystem"/>.</summary>
public sealed class CustomSystemOptions
{
    /// <summary>The static API key clients send as <c>Authorization: Bearer {key}</c>.</summary>
    public required string ApiKey { get; init; }

    /// <summary>
    /// A field catalog (JSON text in the format of <c>docs/catalogs.md</c>). When set, only its types are served and
    /// every write is checked against it; when null, the store decides which types exist and any fields pass.
    /// </summary>
    public string? Catalog { get; init; }

    /// <summary>The clock of the change feed's horizon; it must be the clock the store stamps with. The system clock when null.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
