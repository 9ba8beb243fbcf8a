namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// A commit's runs of writes as one statement each (the dialect's, with the rows in one parameter or one a column),
/// with the per-row statements of <see cref="LinkWrites"/> as the fallback that finds and names the row a batch could not take.
/// </summary>
internal static class LinkBatches
{
    /// <summary>Inserts the links; when one of a statement's run is not new (the same pair again, or a clash), each of the run goes the per-row way, which keeps the same pair and throws on a clash.</summary>
    public static async Task InsertAsync(LinkStoreWriter writer, IReadOnlyList<QueuedLink> inserts, CancellationToken cancellationToken)
    {
        foreach (var batch in writer.Dialect.InsertLinks(inserts))
        {
            if (await writer.ExecuteAsync(batch.Statement, cancellationToken).ConfigureAwait(false) == batch.Count)
            {
                continue;
            }

            for (var index = batch.First; index < batch.First + batch.Count; index++)
            {
                await LinkWrites.SaveLinkAsync(writer, inserts[index].Link, inserts[index].Fingerprints, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Replaces the links' fingerprints and agreed states; a link that does not exist fails the commit.</summary>
    public static async Task SaveFingerprintsAsync(LinkStoreWriter writer, IReadOnlyList<QueuedFingerprints> prints, CancellationToken cancellationToken)
    {
        foreach (var batch in writer.Dialect.SaveFingerprints(prints))
        {
            if (await writer.ExecuteAsync(batch.Statement, cancellationToken).ConfigureAwait(false) == batch.Count)
            {
                continue;
            }

            for (var index = batch.First; index < batch.First + batch.Count; index++)
            {
                await LinkWrites.SaveFingerprintsAsync(writer, prints[index].Flow, prints[index].LocalId, prints[index].Fingerprints, cancellationToken).ConfigureAwait(false);
            }
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

        var deleted = new List<string>(keys.Count);
        foreach (var run in LinkStoreDb.Runs(keys))
        {
            deleted.AddRange(await writer.QueryAsync(
                "DELETE FROM intents WHERE " + writer.Dialect.IsIn("idempotency_key", "@keys") + " RETURNING idempotency_key;",
                [("@keys", writer.Dialect.TextList(run))],
                reader => reader.GetString(0),
                cancellationToken).ConfigureAwait(false));
        }

        if (deleted.Count != keys.Count && keys.Except(deleted, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
        {
            throw new InvalidOperationException($"There is no pending create with idempotency key '{unknown}'.");
        }
    }
}
