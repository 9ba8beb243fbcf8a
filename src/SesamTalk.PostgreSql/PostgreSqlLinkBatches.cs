using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.PostgreSql;

/// <summary>
/// A commit's runs of writes as one statement each (the rows as one array parameter a column, joined by
/// <c>unnest</c>), with the per-row statements of <see cref="PostgreSqlLinkWrites"/> as the fallback that finds and
/// names the row a batch could not take.
/// </summary>
internal static class PostgreSqlLinkBatches
{
    /// <summary>Inserts the links; when one is not new (the same pair again, or a clash), each goes the per-row way, which keeps the same pair and throws on a clash.</summary>
    public static async Task InsertAsync(PostgreSqlWriter writer, IReadOnlyList<QueuedLink> inserts, CancellationToken cancellationToken)
    {
        var inserted = await writer.ExecuteAsync(
            "INSERT INTO links (entity, system, type, local_id, remote_id, provenance, match_key, linked_at, local_read, local_written, remote_read, remote_written, agreed) "
            + "SELECT * FROM unnest(@entity::text[], @system::text[], @type::text[], @local::text[], @remote::text[], @provenance::integer[], @matchKey::text[], "
            + "@linkedAt::timestamptz[], @localRead::text[], @localWritten::text[], @remoteRead::text[], @remoteWritten::text[], @agreed::text[]) ON CONFLICT DO NOTHING;",
            [
                ("entity", inserts.Select(i => i.Link.Entity).ToArray()),
                ("system", inserts.Select(i => i.Link.Target.System).ToArray()),
                ("type", inserts.Select(i => i.Link.Target.Type).ToArray()),
                ("local", inserts.Select(i => i.Link.LocalId).ToArray()),
                ("remote", inserts.Select(i => i.Link.RemoteId).ToArray()),
                ("provenance", inserts.Select(i => (int)i.Link.Provenance).ToArray()),
                ("matchKey", inserts.Select(i => i.Link.MatchKey).ToArray()),
                ("linkedAt", inserts.Select(i => i.Link.LinkedAt.ToUniversalTime()).ToArray()),
                ("localRead", inserts.Select(i => i.Fingerprints?.LocalRead).ToArray()),
                ("localWritten", inserts.Select(i => i.Fingerprints?.LocalWritten).ToArray()),
                ("remoteRead", inserts.Select(i => i.Fingerprints?.RemoteRead).ToArray()),
                ("remoteWritten", inserts.Select(i => i.Fingerprints?.RemoteWritten).ToArray()),
                ("agreed", inserts.Select(i => i.Fingerprints?.Agreed).ToArray()),
            ],
            cancellationToken).ConfigureAwait(false);
        if (inserted == inserts.Count)
        {
            return;
        }

        foreach (var insert in inserts)
        {
            await PostgreSqlLinkWrites.SaveLinkAsync(writer, insert.Link, insert.Fingerprints, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the links' fingerprints and agreed states; a link that does not exist fails the commit.</summary>
    public static async Task SaveFingerprintsAsync(PostgreSqlWriter writer, IReadOnlyList<QueuedFingerprints> prints, CancellationToken cancellationToken)
    {
        var changed = await writer.ExecuteAsync(
            "UPDATE links SET local_read = row.local_read, local_written = row.local_written, remote_read = row.remote_read, remote_written = row.remote_written, agreed = row.agreed "
            + "FROM unnest(@entity::text[], @system::text[], @type::text[], @local::text[], @localRead::text[], @localWritten::text[], @remoteRead::text[], @remoteWritten::text[], @agreed::text[]) "
            + "AS row (entity, system, type, local_id, local_read, local_written, remote_read, remote_written, agreed) "
            + "WHERE links.entity = row.entity AND links.system = row.system AND links.type = row.type AND links.local_id = row.local_id;",
            [
                ("entity", prints.Select(p => p.Flow.Entity).ToArray()),
                ("system", prints.Select(p => p.Flow.Target.System).ToArray()),
                ("type", prints.Select(p => p.Flow.Target.Type).ToArray()),
                ("local", prints.Select(p => p.LocalId).ToArray()),
                ("localRead", prints.Select(p => p.Fingerprints.LocalRead).ToArray()),
                ("localWritten", prints.Select(p => p.Fingerprints.LocalWritten).ToArray()),
                ("remoteRead", prints.Select(p => p.Fingerprints.RemoteRead).ToArray()),
                ("remoteWritten", prints.Select(p => p.Fingerprints.RemoteWritten).ToArray()),
                ("agreed", prints.Select(p => p.Fingerprints.Agreed).ToArray()),
            ],
            cancellationToken).ConfigureAwait(false);
        if (changed == prints.Count)
        {
            return;
        }

        foreach (var print in prints)
        {
            await PostgreSqlLinkWrites.SaveFingerprintsAsync(writer, print.Flow, print.LocalId, print.Fingerprints, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Completes intents by deleting them: their links are saved in the same commit, and their keys (random ones) are
    /// never asked for again, so completed intents do not pile up in the store. An unknown key fails the commit.
    /// </summary>
    public static async Task CompleteIntentsAsync(PostgreSqlWriter writer, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var deleted = await writer.QueryAsync(
            "DELETE FROM intents WHERE idempotency_key = ANY (@keys) RETURNING idempotency_key;",
            [("keys", keys.ToArray())],
            reader => reader.GetString(0),
            cancellationToken).ConfigureAwait(false);
        if (deleted.Count != keys.Count && keys.Except(deleted, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
        {
            throw new InvalidOperationException($"There is no pending create with idempotency key '{unknown}'.");
        }
    }
}
