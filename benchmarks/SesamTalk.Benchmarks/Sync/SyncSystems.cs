namespace SesamTalk.Benchmarks.Sync;

/// <summary>The systems the sync benchmark runs against, by their command-line name.</summary>
internal static class SyncSystems
{
    /// <summary>The custom system's name in the entity's <see cref="SyncsWithAttribute"/> and its connector.</summary>
    public const string Shop = "Shop";

    public const string Custom = "custom";

    public const string Salesforce = "salesforce";

    public static bool IsKnown(string system) => system is Custom or Salesforce;
}
