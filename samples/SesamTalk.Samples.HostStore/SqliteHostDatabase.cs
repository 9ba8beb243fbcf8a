using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace SesamTalk.Samples.HostStore;

/// <summary>
/// A host's own SQLite database file: one table per entity (id, stamp, JSON body; a null body is a tombstone) and a
/// table of id sequences. Opens a store per entity with <see cref="OpenStoreAsync{TEntity}"/>.
/// </summary>
public sealed partial class SqliteHostDatabase
{
    private readonly string _connectionString;

    /// <summary>Creates the database handle; nothing is opened until a store is.</summary>
    /// <param name="path">The database file; created when missing.</param>
    /// <param name="time">The clock for modification stamps; the system clock by default.</param>
    public SqliteHostDatabase(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // No pooling: a closed store leaves no handle on the file, so a host (or a test) can move or delete it.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        Path = path;
        Time = time ?? TimeProvider.System;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The clock for modification stamps.</summary>
    public TimeProvider Time { get; }

    /// <summary>Creates the entity's table when missing and returns its store.</summary>
    /// <param name="table">The table name: letters, digits and underscores, e.g. <c>customers</c>.</param>
    /// <param name="json">The entity's source-generated JSON contract.</param>
    /// <param name="getId">Reads an entity's id (null or empty for a new entity).</param>
    /// <param name="assignId">Gives a new entity the id the store assigned.</param>
    /// <param name="cancellationToken">Cancels the schema creation.</param>
    public async Task<SqliteHostStore<TEntity>> OpenStoreAsync<TEntity>(string table, JsonTypeInfo<TEntity> json, Func<TEntity, string?> getId, Action<TEntity, string> assignId, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(getId);
        ArgumentNullException.ThrowIfNull(assignId);
        if (table is null || !TableName().IsMatch(table))
        {
            throw new ArgumentException($"'{table}' is not a table name (letters, digits and underscores).", nameof(table));
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS sequences (name TEXT PRIMARY KEY, next INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY, stamp INTEGER NOT NULL, body TEXT NULL);
            CREATE INDEX IF NOT EXISTS ix_{table}_changes ON {table} (stamp, id);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new SqliteHostStore<TEntity>(this, table, json, getId, assignId);
    }

    /// <summary>Opens a connection to the file.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex TableName();
}
