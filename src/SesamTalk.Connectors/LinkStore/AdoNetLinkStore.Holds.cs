using System.Data.Common;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>Flows held by the mass-change breaker: the hold, its approval, and the holds that ended, kept as history.</summary>
public abstract partial class AdoNetLinkStore
{
    /// <summary>The columns <see cref="ReadHold"/> reads, in order.</summary>
    internal const string HoldColumns = "entity, system, type, held_since, checked_at, changes, links, change_limit, reason, approved_by, approved_at";

    /// <inheritdoc />
    public async Task<HeldFlow> HoldFlowAsync(SyncFlowId flow, int changes, int links, int limit, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var holds = await QueryAsync(
            "INSERT INTO held_flows (" + HoldColumns + ") VALUES (@entity, @system, @type, @now, @now, @changes, @links, @limit, @reason, NULL, NULL) "
            + "ON CONFLICT (entity, system, type) DO UPDATE SET checked_at = excluded.checked_at, changes = excluded.changes, links = excluded.links, "
            + "change_limit = excluded.change_limit, reason = excluded.reason RETURNING " + HoldColumns + ";",
            LinkStoreDb.Flow(flow, ("@now", _dialect.Time(_time.GetUtcNow())), ("@changes", changes), ("@links", links), ("@limit", limit), ("@reason", reason)),
            ReadHold,
            cancellationToken).ConfigureAwait(false);
        return holds[0];
    }

    /// <inheritdoc />
    public async Task<HeldFlow?> GetHeldFlowAsync(SyncFlowId flow, CancellationToken cancellationToken = default)
    {
        var holds = await QueryAsync("SELECT " + HoldColumns + " FROM held_flows WHERE " + FlowIs + ";", LinkStoreDb.Flow(flow), ReadHold, cancellationToken).ConfigureAwait(false);
        return holds.Count > 0 ? holds[0] : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HeldFlow>> ListHeldFlowsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT " + HoldColumns + " FROM held_flows ORDER BY held_since, entity, system, type;", [], ReadHold, cancellationToken);

    /// <inheritdoc />
    public async Task<HeldFlow?> ApproveHeldFlowAsync(SyncFlowId flow, string approvedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approvedBy);
        var holds = await QueryAsync(
            "UPDATE held_flows SET approved_by = @by, approved_at = @now WHERE " + FlowIs + " RETURNING " + HoldColumns + ";",
            LinkStoreDb.Flow(flow, ("@by", approvedBy), ("@now", _dialect.Time(_time.GetUtcNow()))),
            ReadHold,
            cancellationToken).ConfigureAwait(false);
        return holds.Count > 0 ? holds[0] : null;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseHeldFlowAsync(SyncFlowId flow, HoldReleaseReason reason, CancellationToken cancellationToken = default)
    {
        var released = 0;
        await InTransactionAsync(
            async (writer, now, token) =>
            {
                var parameters = LinkStoreDb.Flow(flow, ("@because", (int)reason), ("@now", _dialect.Time(now)));
                foreach (var statement in _dialect.ReleaseHold)
                {
                    released = await writer.ExecuteAsync(statement, parameters, token).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return released > 0;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReleasedHold>> GetReleasedHoldsAsync(SyncFlowId flow, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT " + HoldColumns + ", released_because, released_at FROM released_holds WHERE " + FlowIs + " ORDER BY released_at, id;",
            LinkStoreDb.Flow(flow),
            r => new ReleasedHold(ReadHold(r), (HoldReleaseReason)r.GetInt32(11), _dialect.ReadTime(r, 12)),
            cancellationToken);

    private HeldFlow ReadHold(DbDataReader reader) => new(
        LinkStoreDb.ReadFlow(reader),
        _dialect.ReadTime(reader, 3),
        _dialect.ReadTime(reader, 4),
        reader.GetInt32(5),
        reader.GetInt32(6),
        reader.GetInt32(7),
        reader.GetString(8),
        LinkStoreDb.ReadNullableString(reader, 9),
        _dialect.ReadNullableTime(reader, 10));
}
