using System.Runtime.CompilerServices;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>Links: the queries, and the by-hand link, relink and unlink.</summary>
public sealed partial class SqliteLinkStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncLink>> GetLinksAsync(string entity, string localId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        ArgumentNullException.ThrowIfNull(localId);
        var rows = await QueryAsync(
            "SELECT " + SqliteLinkWrites.LinkColumns + " FROM links WHERE entity = @entity AND local_id = @local ORDER BY system, type;",
            [("@entity", entity), ("@local", localId)],
            SqliteLinkWrites.ReadLink,
            cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.Link).ToList();
    }

    /// <inheritdoc />
    public async Task<StoredLink?> FindByLocalIdAsync(SyncFlowId flow, string localId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(localId);
        var rows = await QueryAsync(
            "SELECT " + SqliteLinkWrites.LinkColumns + " FROM links WHERE " + FlowIs + " AND local_id = @id;",
            SqliteDb.Flow(flow, ("@id", localId)),
            SqliteLinkWrites.ReadLink,
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<StoredLink?> FindByRemoteIdAsync(SyncFlowId flow, string remoteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remoteId);
        var rows = await QueryAsync(
            "SELECT " + SqliteLinkWrites.LinkColumns + " FROM links WHERE " + FlowIs + " AND remote_id = @id;",
            SqliteDb.Flow(flow, ("@id", remoteId)),
            SqliteLinkWrites.ReadLink,
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
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

        // One parameter for the whole page (a JSON array), searched on the flow's unique index of that side's ids.
        var column = side == SyncSide.Local ? "local_id" : "remote_id";
        var rows = await QueryAsync(
            "SELECT " + SqliteLinkWrites.LinkColumns + " FROM links WHERE " + FlowIs + " AND " + column + " IN (SELECT value FROM json_each(@ids));",
            SqliteDb.Flow(flow, ("@ids", SqliteDb.JsonArray(ids))),
            SqliteLinkWrites.ReadLink,
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
        // Counted on the primary key's index, whose prefix is the flow: the rows (fingerprints, agreed states) are not read.
        var counts = await QueryAsync(
            "SELECT COUNT(*) FROM links WHERE " + FlowIs + ";",
            SqliteDb.Flow(flow),
            reader => reader.GetInt32(0),
            cancellationToken).ConfigureAwait(false);
        return counts[0];
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredLink> ReadLinksAsync(SyncFlowId flow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parameters = SqliteDb.Flow(flow);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = SqliteDb.Command(connection, null, "SELECT " + SqliteLinkWrites.LinkColumns + " FROM links WHERE " + FlowIs + " ORDER BY local_id;", parameters);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return SqliteLinkWrites.ReadLink(reader);
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<SyncLink> LinkByHandAsync(SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken = default)
    {
        var link = ByHand(flow, localId, remoteId);
        await InTransactionAsync((w, _, ct) => SqliteLinkWrites.SaveLinkAsync(w, link, fingerprints: null, ct), cancellationToken).ConfigureAwait(false);
        return link;
    }

    /// <inheritdoc />
    public async Task<SyncLink> RelinkByHandAsync(SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken = default)
    {
        var link = ByHand(flow, localId, remoteId);
        await InTransactionAsync(
            async (w, _, ct) =>
            {
                await SqliteLinkWrites.RemoveLinksOfAsync(w, flow, localId, remoteId, ct).ConfigureAwait(false);
                await SqliteLinkWrites.SaveLinkAsync(w, link, fingerprints: null, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return link;
    }

    /// <inheritdoc />
    public async Task<bool> UnlinkAsync(SyncFlowId flow, string localId, CancellationToken cancellationToken = default)
    {
        flow.Validate();
        ArgumentNullException.ThrowIfNull(localId);
        var removed = false;
        await InTransactionAsync(
            async (w, _, ct) => removed = await SqliteLinkWrites.UnlinkAsync(w, flow, localId, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <inheritdoc />
    public async Task<string?> GetCursorAsync(SyncFlowId flow, SyncSide side, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(
            "SELECT value FROM cursors WHERE " + FlowIs + " AND side = @side;",
            SqliteDb.Flow(flow, ("@side", (int)side)),
            r => r.GetString(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private SyncLink ByHand(SyncFlowId flow, string localId, string remoteId)
    {
        flow.Validate();
        ArgumentException.ThrowIfNullOrEmpty(localId);
        ArgumentException.ThrowIfNullOrEmpty(remoteId);
        return new SyncLink(flow.Entity, localId, flow.Target, remoteId, SyncLinkProvenance.LinkedByHand, null, _time.GetUtcNow());
    }
}
