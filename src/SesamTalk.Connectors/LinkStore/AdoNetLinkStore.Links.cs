using System.Data.Common;
using System.Runtime.CompilerServices;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>Links: the queries, and the by-hand link, relink and unlink.</summary>
public abstract partial class AdoNetLinkStore
{
    private const string LinkColumns =
        "entity, system, type, local_id, remote_id, provenance, match_key, linked_at, local_read, local_written, remote_read, remote_written, agreed, match_value";

    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncLink>> GetLinksAsync(string entity, string localId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        ArgumentNullException.ThrowIfNull(localId);
        var rows = await QueryAsync(
            "SELECT " + LinkColumns + " FROM links WHERE entity = @entity AND local_id = @local ORDER BY system, type;",
            [("@entity", entity), ("@local", localId)],
            ReadLink,
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

        // One parameter for a run of the page's ids, searched on the flow's unique index of that side's ids, on one connection.
        var column = side == SyncSide.Local ? "local_id" : "remote_id";
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            foreach (var run in LinkStoreDb.Runs(ids))
            {
                foreach (var row in await LinkStoreDb.QueryAsync(
                    connection,
                    null,
                    "SELECT " + LinkColumns + " FROM links WHERE " + FlowIs + " AND " + _dialect.IsIn(column, "@ids") + ";",
                    LinkStoreDb.Flow(flow, ("@ids", _dialect.TextList(run))),
                    ReadLink,
                    cancellationToken).ConfigureAwait(false))
                {
                    links[side == SyncSide.Local ? row.Link.LocalId : row.Link.RemoteId] = row;
                }
            }
        }

        return links;
    }

    /// <inheritdoc />
    public async Task<int> CountLinksAsync(SyncFlowId flow, CancellationToken cancellationToken = default)
    {
        // Counted on the primary key's index, whose prefix is the flow: the rows (fingerprints, agreed states) are not read.
        return await CountAsync("SELECT COUNT(*) FROM links WHERE " + FlowIs + ";", flow, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredLink> ReadLinksAsync(SyncFlowId flow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parameters = LinkStoreDb.Flow(flow);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = LinkStoreDb.Command(connection, null, "SELECT " + LinkColumns + " FROM links WHERE " + FlowIs + " ORDER BY local_id;", parameters);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return ReadLink(reader);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<SyncLink> LinkByHandAsync(SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken = default)
    {
        var link = ByHand(flow, localId, remoteId);
        await InTransactionAsync((w, _, ct) => LinkWrites.SaveLinkAsync(w, link, fingerprints: null, ct), cancellationToken).ConfigureAwait(false);
        return link;
    }

    /// <inheritdoc />
    public async Task<SyncLink> RelinkByHandAsync(SyncFlowId flow, string localId, string remoteId, CancellationToken cancellationToken = default)
    {
        var link = ByHand(flow, localId, remoteId);
        await InTransactionAsync(
            async (w, _, ct) =>
            {
                await LinkWrites.RemoveLinksOfAsync(w, flow, localId, remoteId, ct).ConfigureAwait(false);
                await LinkWrites.SaveLinkAsync(w, link, fingerprints: null, ct).ConfigureAwait(false);
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
            async (w, _, ct) => removed = await LinkWrites.UnlinkAsync(w, flow, localId, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <inheritdoc />
    public async Task<string?> GetCursorAsync(SyncFlowId flow, SyncSide side, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(
            "SELECT value FROM cursors WHERE " + FlowIs + " AND side = @side;",
            LinkStoreDb.Flow(flow, ("@side", (int)side)),
            r => r.GetString(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<StoredLink?> FindOneAsync(SyncFlowId flow, string column, string id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "SELECT " + LinkColumns + " FROM links WHERE " + FlowIs + " AND " + column + " = @id;",
            LinkStoreDb.Flow(flow, ("@id", id)),
            ReadLink,
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

    /// <summary>Reads a row selected with <see cref="LinkColumns"/>.</summary>
    private StoredLink ReadLink(DbDataReader reader) =>
        new(
            new SyncLink(
                reader.GetString(0),
                reader.GetString(3),
                new SyncTarget(reader.GetString(1), reader.GetString(2)),
                reader.GetString(4),
                (SyncLinkProvenance)reader.GetInt32(5),
                LinkStoreDb.ReadNullableString(reader, 6),
                _dialect.ReadTime(reader, 7))
            {
                MatchValue = LinkStoreDb.ReadNullableString(reader, 13),
            },
            new LinkFingerprints(
                LinkStoreDb.ReadNullableString(reader, 8),
                LinkStoreDb.ReadNullableString(reader, 9),
                LinkStoreDb.ReadNullableString(reader, 10),
                LinkStoreDb.ReadNullableString(reader, 11),
                LinkStoreDb.ReadNullableString(reader, 12)));
}
