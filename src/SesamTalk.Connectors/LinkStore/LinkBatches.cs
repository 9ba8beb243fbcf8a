namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// A commit's runs of writes as one statement each (the dialect's, with the rows in one parameter or one a column),
/// with the per-row statements of <see cref="LinkWrites"/> as the fallback that finds and names the row a batch could not take.
/// </summary>
internal static class LinkBatches
{
    /// <summary>Inserts the links; when one is not new (the same pair again, or a clash), each goes the per-row way, which keeps the same pair and throws on a clash.</summary>
    public static async Task InsertAsync(LinkStoreWriter writer, IReadOnlyList<QueuedLink> inserts, CancellationToken cancellationToken)
    {
        var inserted = await writer.ExecuteAsync(writer.Dialect.InsertLinks(inserts), cancellationToken).ConfigureAwait(false);
        if (inserted == inserts.Count)
        {
            return;
        }

        foreach (var insert in inserts)
        {
            await LinkWrites.SaveLinkAsync(writer, insert.Link, insert.Fingerprints, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the links' fingerprints and agreed states; a link that does not exist fails the commit.</summary>
    public static async Task SaveFingerprintsAsync(LinkStoreWriter writer, IReadOnlyList<QueuedFingerprints> prints, CancellationToken cancellationToken)
    {
        var changed = await writer.ExecuteAsync(writer.Dialect.SaveFingerprints(prints), cancellationToken).ConfigureAwait(false);
        if (changed == prints.Count)
        {
            return;
        }

        foreach (var print in prints)
        {
            await LinkWrites.SaveFingerprintsAsync(writer, print.Flow, print.LocalId, print.Fingerprints, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Completes intents by deleting them: their links are saved in the same commit, and their keys (random ones) are
    /// never asked for again, so completed intents do not pile up in the store. An unknown key fails the commit.
    /// </summary>
    public static async Task CompleteIntentsAsync(LinkStoreWriter writer, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var deleted = await writer.QueryAsync(
            "DELETE FROM intents WHERE " + writer.Dialect.IsIn("idempotency_key", "@keys") + " RETURNING idempotency_key;",
            [("@keys", writer.Dialect.TextList(keys))],
            reader => reader.GetString(0),
            cancellationToken).ConfigureAwait(false);
        if (deleted.Count != keys.Count && keys.Except(deleted, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
        {
            throw new InvalidOperationException($"There is no pending create with idempotency key '{unknown}'.");
        }
    }
}
