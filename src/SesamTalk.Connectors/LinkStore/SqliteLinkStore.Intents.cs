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

        await InTransactionAsync(
            async (writer, now, ct) =>
            {
                foreach (var sourceId in sourceIds)
                {
                    var parameters = SqliteDb.Flow(
                        flow,
                        ("@key", Guid.NewGuid().ToString("N")),
                        ("@side", (int)sourceSide),
                        ("@source", sourceId),
                        ("@now", SqliteDb.Time(now)));

                    // The partial unique index keeps one open intent per source record: a second call returns the first.
                    var rows = await writer.QueryAsync(
                        "INSERT INTO intents (" + IntentColumns + ") VALUES (@key, @entity, @system, @type, @side, @source, @now) ON CONFLICT DO NOTHING RETURNING " + IntentColumns + ";",
                        parameters,
                        ReadIntent,
                        ct).ConfigureAwait(false);
                    if (rows.Count == 0)
                    {
                        rows = await writer.QueryAsync(
                            "SELECT " + IntentColumns + " FROM intents WHERE " + FlowIs + " AND source_side = @side AND source_id = @source AND completed_at IS NULL;",
                            parameters,
                            ReadIntent,
                            ct).ConfigureAwait(false);
                    }

                    intents.Add(rows.Count == 1 ? rows[0] : throw new InvalidOperationException($"The pending create of {flow.Entity} '{sourceId}' was not recorded."));
                }
            },
            cancellationToken).ConfigureAwait(false);
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
