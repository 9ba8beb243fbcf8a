namespace SesamTalk.Connectors.LinkStore;

/// <summary>Pending-create intents: recorded before a create, completed in the commit that saves its link.</summary>
public sealed partial class SqliteLinkStore
{
    private const string IntentColumns = "idempotency_key, entity, system, type, source_side, source_id, created_at";

    /// <inheritdoc />
    public async Task<PendingCreate> RecordIntentAsync(SyncFlowId flow, SyncSide sourceSide, string sourceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceId);
        var parameters = SqliteDb.Flow(
            flow,
            ("@key", Guid.NewGuid().ToString("N")),
            ("@side", (int)sourceSide),
            ("@source", sourceId),
            ("@now", SqliteDb.Time(_time.GetUtcNow())));
        PendingCreate? intent = null;
        await InTransactionAsync(
            async (c, t, _, ct) =>
            {
                // The partial unique index keeps one open intent per source record; a second call returns the first.
                await SqliteDb.ExecuteAsync(
                    c,
                    t,
                    "INSERT INTO intents (" + IntentColumns + ") VALUES (@key, @entity, @system, @type, @side, @source, @now) ON CONFLICT DO NOTHING;",
                    parameters,
                    ct).ConfigureAwait(false);
                using var command = SqliteDb.Command(
                    c,
                    t,
                    "SELECT " + IntentColumns + " FROM intents WHERE " + FlowIs + " AND source_side = @side AND source_id = @source AND completed_at IS NULL;",
                    parameters);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        intent = ReadIntent(reader);
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);
        return intent ?? throw new InvalidOperationException("The pending create was not recorded.");
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
