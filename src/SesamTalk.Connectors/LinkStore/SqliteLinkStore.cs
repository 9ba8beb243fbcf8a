using Microsoft.Data.Sqlite;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// The default <see cref="ILinkStore"/>: one SQLite file in WAL mode, one pooled connection per operation, a busy timeout
/// for concurrent writers (tasks or processes), parameterised SQL only, and a versioned schema migrated forward on open.
/// </summary>
public sealed partial class SqliteLinkStore : ILinkStore, IAsyncDisposable
{
    private const string FlowIs = "entity = @entity AND system = @system AND type = @type";

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly TimeProvider _time;

    private SqliteLinkStore(SqliteLinkStoreOptions options)
    {
        Path = System.IO.Path.GetFullPath(options.Path);
        _busyTimeoutMs = (int)Math.Clamp(options.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _time = options.TimeProvider ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/> and migrates its schema.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="LinkStoreSchemaException">The file was written by a newer SesamTalk.</exception>
    public static Task<SqliteLinkStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(new SqliteLinkStoreOptions { Path = path }, cancellationToken);

    /// <summary>Opens (creating when missing) the store and migrates its schema.</summary>
    /// <param name="options">Where the file is, how long to wait for other writers, the clock.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="LinkStoreSchemaException">The file was written by a newer SesamTalk.</exception>
    public static Task<SqliteLinkStore> OpenAsync(SqliteLinkStoreOptions options, CancellationToken cancellationToken = default) =>
        OpenAtVersionAsync(options, SqliteLinkStoreSchema.LatestVersion, cancellationToken);

    /// <summary>The schema version of the open file.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqliteLinkStoreSchema.ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<ILinkStoreCommit> BeginCommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<ILinkStoreCommit>(new SqliteLinkStoreCommit(this));
    }

    /// <summary>Returns this store's idle pooled connections, so the file can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Opens at a given schema version; tests use it to make files of older versions.</summary>
    internal static async Task<SqliteLinkStore> OpenAtVersionAsync(SqliteLinkStoreOptions options, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        var store = new SqliteLinkStore(options);
        try
        {
            var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await SqliteLinkStoreSchema.MigrateAsync(connection, store.Path, version, store._time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction, committing when it returns and rolling back when it throws.</summary>
    internal async Task InTransactionAsync(Func<SqliteWriter, DateTimeOffset, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                using (var writer = new SqliteWriter(connection, transaction))
                {
                    await work(writer, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Opens a pooled connection with the busy timeout set.</summary>
    internal async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // FULL: each commit is on disk before the engine writes on (docs/engine.md, "One cycle, step by step").
            await SqliteDb.ExecuteAsync(
                connection,
                null,
                "PRAGMA busy_timeout = " + _busyTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture) + "; PRAGMA synchronous = FULL;",
                [],
                cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, (string, object?)[] parameters, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqliteDb.QueryAsync(connection, sql, parameters, map, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> ExecuteAsync(string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqliteDb.ExecuteAsync(connection, null, sql, parameters, cancellationToken).ConfigureAwait(false);
        }
    }
}
