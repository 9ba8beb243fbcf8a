using System.Data.Common;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>Conflicts and quarantine: the queries, release and count (they are written through a commit).</summary>
public abstract partial class AdoNetLinkStore
{
    /// <summary>The columns <see cref="ReadConflict"/> reads, in order.</summary>
    private const string ConflictColumns = "entity, system, type, local_id, remote_id, field, local_value, remote_value, rule, winner, occurred_at";

    /// <inheritdoc />
    public Task<IReadOnlyList<ConflictRecord>> GetConflictsAsync(SyncFlowId flow, string? localId = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT " + ConflictColumns + " FROM conflicts WHERE " + FlowIs + " AND (@local IS NULL OR local_id = @local) ORDER BY occurred_at, id;",
            LinkStoreDb.Flow(flow, ("@local", localId)),
            ReadConflict,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<QuarantinedRecord>> ListQuarantinedAsync(SyncFlowId flow, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT entity, system, type, side, record_id, error, payload, last_at, attempts, released_at FROM quarantine "
            + "WHERE " + FlowIs + " ORDER BY first_at, side, record_id;",
            LinkStoreDb.Flow(flow),
            r => new QuarantinedRecord(
                LinkStoreDb.ReadFlow(r),
                (SyncSide)r.GetInt32(3),
                r.GetString(4),
                r.GetString(5),
                LinkStoreDb.ReadNullableString(r, 6),
                _dialect.ReadTime(r, 7),
                r.GetInt32(8),
                _dialect.ReadNullableTime(r, 9)),
            cancellationToken);

    /// <inheritdoc />
    public async Task<bool> ReleaseQuarantinedAsync(SyncFlowId flow, SyncSide side, string recordId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordId);
        return await ExecuteAsync(
            "UPDATE quarantine SET released_at = @now WHERE " + FlowIs + " AND side = @side AND record_id = @record AND released_at IS NULL;",
            LinkStoreDb.Flow(flow, ("@side", (int)side), ("@record", recordId), ("@now", _dialect.Time(_time.GetUtcNow()))),
            cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<int> CountQuarantinedAsync(SyncFlowId flow, CancellationToken cancellationToken = default)
    {
        return await CountAsync("SELECT COUNT(*) FROM quarantine WHERE " + FlowIs + " AND released_at IS NULL;", flow, cancellationToken).ConfigureAwait(false);
    }

    private ConflictRecord ReadConflict(DbDataReader reader) =>
        new(
            LinkStoreDb.ReadFlow(reader),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            LinkStoreDb.ReadNullableString(reader, 6),
            LinkStoreDb.ReadNullableString(reader, 7),
            (ConflictRule)reader.GetInt32(8),
            (SyncSide)reader.GetInt32(9),
            _dialect.ReadTime(reader, 10));
}
