namespace SesamTalk.PostgreSql;

/// <summary>Where the PostgreSQL link store lives.</summary>
public sealed class PostgreSqlLinkStoreOptions
{
    /// <summary>The Npgsql connection string of the database (its user creates the schema and its tables on first open).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The PostgreSQL schema the store's tables live in, created when missing; its own schema lets it share a database
    /// with the host's tables. Letters, digits and underscores.
    /// </summary>
    public string Schema { get; set; } = "sesamtalk";

    /// <summary>The clock for link, intent, conflict, quarantine, hold and lease times. Tests swap it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
