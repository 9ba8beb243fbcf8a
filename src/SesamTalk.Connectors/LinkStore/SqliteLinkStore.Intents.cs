namespace SesamTalk.Connectors.LinkStore;

/// <summary>Pending-create intents: recorded before a create, completed in the commit that saves its link.</summary>
public sealed partial class SqliteLinkStore
{
    private const string IntentColumns = "idempotency_key, entity, system, type, source_side, source_id, created_at";

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingCreate>> RecordIntentsAsync(SyncFlowId flow, SyncSide sourceSide, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        foreach (var id in sourceIds)
        {
            ArgumentException.ThrowIfNullOrEmpty(id, nameof(sourceIds));
        }

        flow.Validate();
        var intents = new List<PendingCreate>(sourceIds.Count);
        if (sourceIds.Count == 0)
        {
            return intents;
        }

        // Two statements for the whole list: the inserts (a key each, drawn here), then the open intents of the list's
        // records, those just made and those an earlier attempt left (the partial unique index keeps one a record).
        var rows = SqliteDb.JsonRows(sourceIds.Select(id => new[] { Guid.NewGuid().ToString("N"), id }));
        var ids = SqliteDb.JsonArray(sourceIds);
        var open = new Dictionary<string, PendingCreate>(StringComparer.Ordinal);
        await InTransactionAsync(
            async (writer, now, ct) =>
            {
                await writer.ExecuteAsync(
                    "INSERT INTO intents (" + IntentColumns + ") "
                    + "SELECT value ->> 0, @entity, @system, @type, @side, value ->> 1, @now FROM json_each(@rows) WHERE true ON CONFLICT DO NOTHING;",
                    SqliteDb.Flow(flow, ("@rows", rows), ("@side", (int)sourceSide), ("@now", SqliteDb.Time(now))),
                    ct).ConfigureAwait(false);
                foreach (var intent in await writer.QueryAsync(
                    "SELECT " + IntentColumns + " FROM intents WHERE " + FlowIs + " AND source_side = @side AND completed_at IS NULL "
                    + "AND source_id IN (SELECT value FROM json_each(@ids));",
                    SqliteDb.Flow(flow, ("@ids", ids), ("@side", (int)sourceSide)),
                    ReadIntent,
                    ct).ConfigureAwait(false))
                {
                    open[intent.SourceId] = intent;
                }
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var sourceId in sourceIds)
        {
            intents.Add(open.TryGetValue(sourceId, out var intent) ? intent : throw new InvalidOperationException($"The pending create of {flow.Entity} '{sourceId}' was not recorded."));
        }

        return intents;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PendingCreate>> ListOpenIntentsAsync(SyncFlowId flow, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT " + IntentColumns + " FROM intents WHERE " + FlowIs + " AND completed_at IS NULL ORDER BY created_at, idempotency_key;",
            SqliteDb.Flow(flow),
            ReadIntent,
            cancellationToken);

    private static PendingCreate ReadIntent(Microsoft.Data.Sqlite.SqliteDataReader reader) =>
        new(
            reader.GetString(0),
            new SyncFlowId(reader.GetString(1), new SyncTarget(reader.GetString(2), reader.GetString(3))),
            (SyncSide)reader.GetInt32(4),
            reader.GetString(5),
            SqliteDb.ReadTime(reader, 6));
}
