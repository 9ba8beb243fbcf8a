namespace SesamTalk.Generators;

/// <summary>Names of the tracked pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string Entities = nameof(Entities);
    public const string Stubs = nameof(Stubs); // runs only for entities with errors, so it is not among the Models
    public const string Mappers = nameof(Mappers);
    public const string SyncTargets = nameof(SyncTargets);
    public const string ClientEntries = nameof(ClientEntries);
    public const string ClientIndex = nameof(ClientIndex);
    public const string Diagnostics = nameof(Diagnostics);
    public const string HostCatalogs = nameof(HostCatalogs);
    public const string Catalogs = nameof(Catalogs);

    /// <summary>The steps whose outputs are equatable models (the diagnostics step carries real locations by design).</summary>
    public static readonly string[] Models = { Entities, Mappers, SyncTargets, ClientEntries, ClientIndex, Catalogs };
}
