using Npgsql;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.PostgreSql;

/// <summary>
/// An <see cref="ILinkStore"/> in PostgreSQL, shared by every instance of a host: the SQLite store's behaviour (the
/// link-store contract tests run against both), its tables in a schema of their own, one pooled connection per operation,
/// parameterised SQL only, and a versioned schema migrated forward on open under an advisory lock. Flow leases carry an
/// epoch that fences commits (<see cref="ILinkStoreCommit.RequireLease"/>).
/// </summary>
public sealed partial class PostgreSqlLinkStore : ILinkStore, IAsyncDisposable
{
    private const string FlowIs = PostgreSqlDb.FlowIs;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    private PostgreSqlLinkStore(NpgsqlDataSource dataSource, string schema, TimeProvider time)
    {
        _dataSource = dataSource;
        Schema = schema;
        _time = time;
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
            return await PostgreSqlLinkStoreSchema.ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<ILinkStoreCommit> BeginCommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<ILinkStoreCommit>(new PostgreSqlLinkStoreCommit(this));
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
        try
        {
            var connection = await store._dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await PostgreSqlLinkStoreSchema.MigrateAsync(connection, options.Schema, version, store._time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The store's clock.</summary>
    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Runs <paramref name="work"/> in one transaction, committing when it returns and rolling back when it throws.</summary>
    internal async Task InTransactionAsync(Func<PostgreSqlWriter, DateTimeOffset, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await work(new PostgreSqlWriter(connection, transaction), _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, (string, object?)[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await PostgreSqlDb.QueryAsync(connection, null, sql, parameters, map, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> ExecuteAsync(string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await PostgreSqlDb.ExecuteAsync(connection, null, sql, parameters, cancellationToken).ConfigureAwait(false);
        }
    }
}
