using System.Runtime.CompilerServices;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.PostgreSql;

/// <summary>Links: the queries, and the by-hand link, relink and unlink.</summary>
public sealed partial class PostgreSqlLinkStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncLink>> GetLinksAsync(string entity, string localId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        ArgumentNullException.ThrowIfNull(localId);
        var rows = await QueryAsync(
            "SELECT " + PostgreSqlLinkWrites.LinkColumns + " FROM links WHERE entity = @entity AND local_id = @local ORDER BY system, type;",
            [("entity", entity), ("local", localId)],
            PostgreSqlLinkWrites.ReadLink,
            cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.Link).ToList();
    }

    /// <inheritdoc />
    public Task<StoredLink?> FindByLocalIdAsync(SyncFlowId flow, string localId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(localId);
        return FindOneAsync(flow, "local_id", localId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredLink?> FindByRemoteIdAsync(SyncFlowId flow, string remoteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remoteId);
        return FindOneAsync(flow, "remote_id", remoteId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoredLink>> FindLinksAsync(SyncFlowId flow, SyncSide side, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var links = new Dictionary<string, StoredLink>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return links;
        }

        // One array parameter for the whole page, searched on the flow's unique index of that side's ids.
        var column = side == SyncSide.Local ? "local_id" : "remote_id";
        var rows = await QueryAsync(
            "SELECT " + PostgreSqlLinkWrites.LinkColumns + " FROM links WHERE " + FlowIs + " AND " + column + " = ANY (@ids);",
            PostgreSqlDb.Flow(flow, ("ids", ids.ToArray())),
            PostgreSqlLinkWrites.ReadLink,
            cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            links[side == SyncSide.Local ? row.Link.LocalId : row.Link.RemoteId] = row;
        }

        return links;
    }

    /// <inheritdoc />
    public async Task<int> CountLinksAsync(SyncFlowId flow, CancellationToken cancellationToken = default)
    {
        var counts = await QueryAsync("SELECT COUNT(*) FROM links WHERE " + FlowIs + ";", PostgreSqlDb.Flow(flow), reader => reader.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return checked((int)counts[0]);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredLink> ReadLinksAsync(SyncFlowId flow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parameters = PostgreSqlDb.Flow(flow);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = PostgreSqlDb.Command(connection, null, "SELECT " + PostgreSqlLinkWrites.LinkColumns + " FROM links WHERE " + FlowIs + " ORDER BY local_id;", parameters);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return PostgreSqlLinkWrites.ReadLink(reader);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<SyncLink> LinkByHandAsync(SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken = default)
    {
        var link = ByHand(flow, localId, remoteId);
        await InTransactionAsync((w, _, ct) => PostgreSqlLinkWrites.SaveLinkAsync(w, link, fingerprints: null, ct), cancellationToken).ConfigureAwait(false);
        return link;
    }

    /// <inheritdoc />
    public async Task<SyncLink> RelinkByHandAsync(SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken = default)
    {
        var link = ByHand(flow, localId, remoteId);
        await InTransactionAsync(
            async (w, _, ct) =>
            {
                await PostgreSqlLinkWrites.RemoveLinksOfAsync(w, flow, localId, remoteId, ct).ConfigureAwait(false);
                await PostgreSqlLinkWrites.SaveLinkAsync(w, link, fingerprints: null, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return link;
    }

    /// <inheritdoc />
    public async Task<bool> UnlinkAsync(SyncFlowId flow, string localId, CancellationToken cancellationToken = default)
    {
        PostgreSqlDb.Validate(flow);
        ArgumentNullException.ThrowIfNull(localId);
        var removed = false;
        await InTransactionAsync(
            async (w, _, ct) => removed = await PostgreSqlLinkWrites.UnlinkAsync(w, flow, localId, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <inheritdoc />
    public async Task<string?> GetCursorAsync(SyncFlowId flow, SyncSide side, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(
            "SELECT value FROM cursors WHERE " + FlowIs + " AND side = @side;",
            PostgreSqlDb.Flow(flow, ("side", (int)side)),
            r => r.GetString(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<StoredLink?> FindOneAsync(SyncFlowId flow, string column, string id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "SELECT " + PostgreSqlLinkWrites.LinkColumns + " FROM links WHERE " + FlowIs + " AND " + column + " = @id;",
            PostgreSqlDb.Flow(flow, ("id", id)),
            PostgreSqlLinkWrites.ReadLink,
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private SyncLink ByHand(SyncFlowId flow, string localId, string remoteId)
    {
        PostgreSqlDb.Validate(flow);
        ArgumentException.ThrowIfNullOrEmpty(localId);
        ArgumentException.ThrowIfNullOrEmpty(remoteId);
        return new SyncLink(flow.Entity, localId, flow.Target, remoteId, SyncLinkProvenance.LinkedByHand, null, _time.GetUtcNow());
    }
}
