using System.Data.Common;
using Npgsql;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.PostgreSql;

/// <summary>
/// An <see cref="ILinkStore"/> in PostgreSQL, shared by every instance of a host: the SQLite store's behaviour (the
/// link-store contract tests run against both), its tables in a schema of their own, one pooled connection per operation,
/// parameterised SQL only, and a versioned schema migrated forward on open under an advisory lock. Flow leases carry an
/// epoch that fences commits (<see cref="ILinkStoreCommit.RequireLease"/>). The logic is <see cref="AdoNetLinkStore"/>'s,
/// shared with the SQLite store; what PostgreSQL says differently is in its dialect (<c>timestamptz</c>, array parameters,
/// <c>unnest</c> batches, the lease row locked FOR SHARE in a commit).
/// </summary>
public sealed class PostgreSqlLinkStore : AdoNetLinkStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgreSqlLinkStore(NpgsqlDataSource dataSource, string schema, TimeProvider time)
        : base(PostgreSqlLinkStoreDialect.Instance, time)
    {
        _dataSource = dataSource;
        Schema = schema;
    }

    /// <summary>The PostgreSQL schema the store's tables are in.</summary>
    public string Schema { get; }

    /// <summary>Opens the store, creating its schema and tables when missing and migrating older ones.</summary>
    /// <param name="options">The connection string, the schema, the clock.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="LinkStoreSchemaException">The schema was written by a newer SesamTalk.</exception>
    public static Task<PostgreSqlLinkStore> OpenAsync(PostgreSqlLinkStoreOptions options, CancellationToken cancellationToken = default) =>
        OpenAtVersionAsync(options, PostgreSqlLinkStoreSchema.LatestVersion, cancellationToken);

    /// <summary>The schema version of the store's tables.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await LinkStoreDb.ReadSchemaVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the store's pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Opens at a given schema version; tests use it to make older schemas.</summary>
    internal static async Task<PostgreSqlLinkStore> OpenAtVersionAsync(PostgreSqlLinkStoreOptions options, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        if (!PostgreSqlLinkStoreSchema.IsPlainIdentifier(options.Schema))
        {
            throw new ArgumentException($"The link store's schema '{options.Schema}' is not a plain lower-case PostgreSQL identifier (letters, digits, underscores).", nameof(options));
        }

        // Unqualified names in every statement resolve in the store's schema (pg_catalog is searched first, as always).
        var connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = options.Schema }.ToString();
        var store = new PostgreSqlLinkStore(NpgsqlDataSource.Create(connectionString), options.Schema, options.TimeProvider ?? TimeProvider.System);
        return await MigrateOrDisposeAsync(
            store,
            (connection, now, ct) => PostgreSqlLinkStoreSchema.MigrateAsync((NpgsqlConnection)connection, options.Schema, version, now, ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Begins a transaction at the server's default isolation (read committed); a commit's lease check locks the lease row.</summary>
    protected override async Task<DbTransaction> BeginTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
}
