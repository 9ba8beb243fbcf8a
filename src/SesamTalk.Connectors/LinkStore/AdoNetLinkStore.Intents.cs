using System.Data.Common;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>Pending-create intents: recorded before a create, completed in the commit that saves its link.</summary>
public abstract partial class AdoNetLinkStore
{
    /// <summary>The columns <see cref="ReadIntent"/> reads, in order.</summary>
    internal const string IntentColumns = "idempotency_key, entity, system, type, source_side, source_id, created_at";

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

        // The inserts (a key each, drawn here); when one was skipped (a record with an open intent from an earlier
        // attempt, which a unique index on the open ones keeps), the open intents of the records are read back.
        var keys = sourceIds.Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var open = new Dictionary<string, PendingCreate>(sourceIds.Count, StringComparer.Ordinal);
        await InTransactionAsync(
            async (writer, now, ct) =>
            {
                var inserted = 0;
                foreach (var insert in _dialect.InsertIntents(keys, sourceIds))
                {
                    inserted += await writer.ExecuteAsync(
                        insert.Statement.Sql,
                        LinkStoreDb.Flow(flow, [("@side", (int)sourceSide), ("@now", _dialect.Time(now)), .. insert.Statement.Parameters]),
                        ct).ConfigureAwait(false);
                }

                if (inserted == keys.Length)
                {
                    var createdAt = _dialect.StoredTime(now);
                    for (var index = 0; index < keys.Length; index++)
                    {
                        open[sourceIds[index]] = new PendingCreate(keys[index], flow, sourceSide, sourceIds[index], createdAt);
                    }

                    return;
                }

                foreach (var run in LinkStoreDb.Runs(sourceIds))
                {
                    foreach (var intent in await writer.QueryAsync(
                        "SELECT " + IntentColumns + " FROM intents WHERE " + FlowIs + " AND source_side = @side" + _dialect.OpenIntentsOnly
                        + " AND " + _dialect.IsIn("source_id", "@ids") + ";",
                        LinkStoreDb.Flow(flow, ("@ids", _dialect.TextList(run)), ("@side", (int)sourceSide)),
                        ReadIntent,
                        ct).ConfigureAwait(false))
                    {
                        open[intent.SourceId] = intent;
                    }
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
            "SELECT " + IntentColumns + " FROM intents WHERE " + FlowIs + _dialect.OpenIntentsOnly + " ORDER BY created_at, idempotency_key;",
            LinkStoreDb.Flow(flow),
            ReadIntent,
            cancellationToken);

    private PendingCreate ReadIntent(DbDataReader reader) =>
        new(
            reader.GetString(0),
            LinkStoreDb.ReadFlow(reader, 1),
            (SyncSide)reader.GetInt32(4),
            reader.GetString(5),
            _dialect.ReadTime(reader, 6));
}
