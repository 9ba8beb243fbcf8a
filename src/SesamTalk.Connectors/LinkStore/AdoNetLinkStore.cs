using System.ComponentModel;
using System.Data.Common;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// The link store's logic once for every ADO.NET provider (<see cref="SqliteLinkStore"/>, and the PostgreSQL store in
/// SesamTalk.PostgreSql): the statements, the clash checks, holds, problems, intents, leases, the commit, the history of
/// cycles and the operators' queries. A provider opens the connections and transactions, migrates its schema, and says
/// in its dialect what its SQL says differently. Not meant to be derived from outside SesamTalk.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract partial class AdoNetLinkStore : ILinkStore
{
    private const string FlowIs = LinkStoreDb.FlowIs;

    private readonly LinkStoreDialect _dialect;
    private readonly TimeProvider _time;

    internal AdoNetLinkStore(LinkStoreDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
    }

    /// <inheritdoc />
    public Task<ILinkStoreCommit> BeginCommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<ILinkStoreCommit>(new AdoNetLinkStoreCommit(this));
    }

    /// <summary>Opens a pooled connection, ready for the store's statements.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens a connection for a lease renewal, a write that need not be on disk before the caller goes on; by default the
    /// same as <see cref="OpenConnectionAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    private protected virtual Task<DbConnection> OpenConnectionForRenewalAsync(CancellationToken cancellationToken) => OpenConnectionAsync(cancellationToken);

    /// <summary>Begins the transaction a commit or a multi-statement write runs in.</summary>
    /// <param name="connection">A connection <see cref="OpenConnectionAsync"/> opened.</param>
    /// <param name="cancellationToken">Cancels the begin.</param>
    protected abstract Task<DbTransaction> BeginTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Migrates a new store's schema on one of its connections, at the store's time; disposes the store when that fails.</summary>
    internal static async Task<TStore> MigrateOrDisposeAsync<TStore>(TStore store, Func<DbConnection, DateTimeOffset, CancellationToken, Task> migrate, CancellationToken cancellationToken)
        where TStore : AdoNetLinkStore, IAsyncDisposable
    {
        try
        {
            var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await migrate(connection, store._time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committing when it returns and rolling back when it throws.</summary>
    internal async Task InTransactionAsync(Func<LinkStoreWriter, DateTimeOffset, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await BeginTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using (var writer = new LinkStoreWriter(connection, transaction, _dialect))
                {
                    await work(writer, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, (string, object?)[] parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await LinkStoreDb.QueryAsync(connection, null, sql, parameters, map, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> CountAsync(string sql, SyncFlowId flow, CancellationToken cancellationToken) =>
        (await QueryAsync(sql, LinkStoreDb.Flow(flow), LinkStoreDb.ReadCount, cancellationToken).ConfigureAwait(false))[0];

    private async Task<int> ExecuteAsync(string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await LinkStoreDb.ExecuteAsync(connection, null, sql, parameters, cancellationToken).ConfigureAwait(false);
        }
    }
}
