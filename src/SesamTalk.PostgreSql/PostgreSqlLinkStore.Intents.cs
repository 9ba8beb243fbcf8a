using Npgsql;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.PostgreSql;

/// <summary>Pending-create intents: recorded before a create, deleted in the commit that saves its link.</summary>
public sealed partial class PostgreSqlLinkStore
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

        PostgreSqlDb.Validate(flow);
        var intents = new List<PendingCreate>(sourceIds.Count);
        if (sourceIds.Count == 0)
        {
            return intents;
        }

        // Two statements for the whole list: the inserts (a key each, drawn here), then the open intents of the list's
        // records, those just made and those an earlier attempt left (the unique constraint keeps one a record).
        var keys = sourceIds.Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var ids = sourceIds.ToArray();
        var open = new Dictionary<string, PendingCreate>(StringComparer.Ordinal);
        await InTransactionAsync(
            async (writer, now, ct) =>
            {
                await writer.ExecuteAsync(
                    "INSERT INTO intents (" + IntentColumns + ") "
                    + "SELECT row.k, @entity, @system, @type, @side, row.s, @now FROM unnest(@keys::text[], @ids::text[]) AS row (k, s) ON CONFLICT DO NOTHING;",
                    PostgreSqlDb.Flow(flow, ("keys", keys), ("ids", ids), ("side", (int)sourceSide), ("now", now)),
                    ct).ConfigureAwait(false);
                foreach (var intent in await writer.QueryAsync(
                    "SELECT " + IntentColumns + " FROM intents WHERE " + FlowIs + " AND source_side = @side AND source_id = ANY (@ids);",
                    PostgreSqlDb.Flow(flow, ("ids", ids), ("side", (int)sourceSide)),
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
            "SELECT " + IntentColumns + " FROM intents WHERE " + FlowIs + " ORDER BY created_at, idempotency_key;",
            PostgreSqlDb.Flow(flow),
            ReadIntent,
            cancellationToken);

    private static PendingCreate ReadIntent(NpgsqlDataReader reader) =>
        new(reader.GetString(0), PostgreSqlDb.ReadFlow(reader, 1), (SyncSide)reader.GetInt32(4), reader.GetString(5), PostgreSqlDb.ReadTime(reader, 6));
}
