namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// A commit's runs of writes as one statement each (the rows as one JSON parameter), with the per-row statements of
/// <see cref="SqliteLinkWrites"/> as the fallback that finds and names the row a batch could not take.
/// </summary>
internal static class SqliteLinkBatches
{
    /// <summary>Inserts the links; when one is not new (the same pair again, or a clash), each goes the per-row way, which keeps the same pair and throws on a clash.</summary>
    public static async Task InsertAsync(SqliteWriter writer, IReadOnlyList<QueuedLink> inserts, CancellationToken cancellationToken)
    {
        var rows = SqliteDb.JsonRows(inserts.Select(insert => new[]
        {
            insert.Link.Entity, insert.Link.Target.System, insert.Link.Target.Type, insert.Link.LocalId, insert.Link.RemoteId,
            ((int)insert.Link.Provenance).ToString(System.Globalization.CultureInfo.InvariantCulture), insert.Link.MatchKey, SqliteDb.Time(insert.Link.LinkedAt),
            insert.Fingerprints?.LocalRead, insert.Fingerprints?.LocalWritten, insert.Fingerprints?.RemoteRead, insert.Fingerprints?.RemoteWritten, insert.Fingerprints?.Agreed,
        }));
        var inserted = await writer.ExecuteAsync(
            "INSERT INTO links (entity, system, type, local_id, remote_id, provenance, match_key, linked_at, local_read, local_written, remote_read, remote_written, agreed) "
            + "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, CAST(value ->> 5 AS INTEGER), value ->> 6, value ->> 7, "
            + "value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12 FROM json_each(@rows) WHERE true ON CONFLICT DO NOTHING;",
            [("@rows", rows)],
            cancellationToken).ConfigureAwait(false);
        if (inserted == inserts.Count)
        {
            return;
        }

        foreach (var insert in inserts)
        {
            await SqliteLinkWrites.SaveLinkAsync(writer, insert.Link, insert.Fingerprints, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the links' fingerprints and agreed states; a link that does not exist fails the commit.</summary>
    public static async Task SaveFingerprintsAsync(SqliteWriter writer, IReadOnlyList<QueuedFingerprints> prints, CancellationToken cancellationToken)
    {
        var rows = SqliteDb.JsonRows(prints.Select(print => new[]
        {
            print.Flow.Entity, print.Flow.Target.System, print.Flow.Target.Type, print.LocalId,
            print.Fingerprints.LocalRead, print.Fingerprints.LocalWritten, print.Fingerprints.RemoteRead, print.Fingerprints.RemoteWritten, print.Fingerprints.Agreed,
        }));
        var changed = await writer.ExecuteAsync(
            "UPDATE links SET local_read = row.value ->> 4, local_written = row.value ->> 5, remote_read = row.value ->> 6, remote_written = row.value ->> 7, agreed = row.value ->> 8 "
            + "FROM json_each(@rows) AS row "
            + "WHERE links.entity = row.value ->> 0 AND links.system = row.value ->> 1 AND links.type = row.value ->> 2 AND links.local_id = row.value ->> 3;",
            [("@rows", rows)],
            cancellationToken).ConfigureAwait(false);
        if (changed == prints.Count)
        {
            return;
        }

        foreach (var print in prints)
        {
            await SqliteLinkWrites.SaveFingerprintsAsync(writer, print.Flow, print.LocalId, print.Fingerprints, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Completes intents by deleting them: their links are saved in the same commit, and their keys (random ones) are
    /// never asked for again, so completed intents do not pile up in the store. An unknown key fails the commit.
    /// </summary>
    public static async Task CompleteIntentsAsync(SqliteWriter writer, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var deleted = await writer.QueryAsync(
            "DELETE FROM intents WHERE idempotency_key IN (SELECT value FROM json_each(@keys)) RETURNING idempotency_key;",
            [("@keys", SqliteDb.JsonArray(keys))],
            reader => reader.GetString(0),
            cancellationToken).ConfigureAwait(false);
        if (deleted.Count != keys.Count && keys.Except(deleted, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
        {
            throw new InvalidOperationException($"There is no pending create with idempotency key '{unknown}'.");
        }
    }
}
