namespace SesamTalk.Connectors.LinkStore;

/// <summary>Where the SQLite link store lives and how it waits for other writers.</summary>
public sealed class SqliteLinkStoreOptions
{
    /// <summary>The database file. It is created, and its schema migrated, when the store opens.</summary>
    public string Path { get; set; } = "sesamtalk-links.db";

    /// <summary>How long an operation waits for another writer (another task or process) before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock for link, intent, conflict, quarantine and lease times. Tests swap it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
