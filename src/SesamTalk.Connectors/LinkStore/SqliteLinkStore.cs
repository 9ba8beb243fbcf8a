using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// The default <see cref="ILinkStore"/>: one SQLite file in WAL mode, one pooled connection per operation, a busy timeout
/// for concurrent writers (tasks or processes), parameterised SQL only, and a versioned schema migrated forward on open.
/// The logic is <see cref="AdoNetLinkStore"/>'s, shared with the PostgreSQL store; what SQLite says differently is in its
/// dialect (instants as fixed-width UTC text, lists as JSON).
/// </summary>
public sealed class SqliteLinkStore : AdoNetLinkStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    private SqliteLinkStore(SqliteLinkStoreOptions options)
        : base(SqliteLinkStoreDialect.Instance, options.TimeProvider ?? TimeProvider.System)
    {
        Path = System.IO.Path.GetFullPath(options.Path);
        _busyTimeoutMs = (int)Math.Clamp(options.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
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
        var connection = await OpenSqliteConnectionAsync(durable: true, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await LinkStoreDb.ReadSchemaVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
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
        return await MigrateOrDisposeAsync(
            store,
            (connection, now, ct) => SqliteLinkStoreSchema.MigrateAsync((SqliteConnection)connection, store.Path, version, now, ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenSqliteConnectionAsync(durable: true, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A connection whose commits do not wait for the disk (<c>synchronous = NORMAL</c>: in WAL mode the log is synced
    /// by the next FULL commit or checkpoint), for lease renewals, which cost a sync each otherwise: two a unit of work.
    /// </summary>
    private protected override async Task<DbConnection> OpenConnectionForRenewalAsync(CancellationToken cancellationToken) =>
        await OpenSqliteConnectionAsync(durable: false, cancellationToken).ConfigureAwait(false);

    /// <summary>Begins an IMMEDIATE transaction: it takes the write lock at once, so no other writer comes in before it ends.</summary>
    protected override Task<DbTransaction> BeginTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <summary>Opens a pooled connection with the busy timeout set; <paramref name="durable"/>: each commit is synced to disk.</summary>
    private async Task<SqliteConnection> OpenSqliteConnectionAsync(bool durable, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // FULL: each commit is on disk before the engine writes on (docs/engine.md, "One cycle, step by step"). Set on
            // every open, since a pooled connection keeps what the last user set.
            await LinkStoreDb.ExecuteAsync(
                connection,
                null,
                "PRAGMA busy_timeout = " + _busyTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture) + "; PRAGMA synchronous = " + (durable ? "FULL" : "NORMAL") + ";",
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
}
