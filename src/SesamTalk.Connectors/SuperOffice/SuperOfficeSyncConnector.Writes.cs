using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.SuperOffice;

// One entity a call. A quote alternative's lines (the mapper's child collection) are saved after it in one
// SaveQuoteLines call, new lines under the alternative's id and lines with an id over their stored values; a refusal
// of the lines fails the alternative's result, which still carries its id so the engine knows it exists. Lines marked
// deleted go through DeleteQuoteLine, one a call; lines missing from the collection are left alone. A text written to
// an EntityElement list replaces its first element and keeps the others, which costs a read of the entity before the
// PATCH. A create (POST, agent Save) and an update (PATCH, agent Save) answer the entity as saved: it goes back as the
// result's stored record when the feed reads the same form (see Stored).
public sealed partial class SuperOfficeSyncConnector
{
    private const string InAssortment = "InAssortment";

    /// <summary>A quote line's field naming its alternative.</summary>
    private const string QuoteLineParent = "QuoteAlternativeId";

    /// <inheritdoc />
    public Task<IReadOnlyList<RemoteWriteResult>> CreateAsync(IEntityMapper mapper, IReadOnlyList<RemoteCreate> creates, CancellationToken cancellationToken)
    {
        var entity = EntityOf(mapper);
        return OneByOneWrites.WriteAsync(creates, _ => null, async (create, written) =>
        {
            var header = ChildRecords.Header(mapper, create.Record);
            if (entity == SuperOfficeEntity.Product && !header.Contains(InAssortment))
            {
                // SaveProduct reads an absent flag as false: the product would be created discontinued, and so be left
                // out of product searches and of this connector's product feed.
                header[InAssortment] = SyncValue.From(true);
            }

            var created = await _client.CreateAsync(entity, header, cancellationToken).ConfigureAwait(false);
            written.Id = created.Id!;
            await WriteLinesAsync(mapper, create.Record, written.Id, cancellationToken).ConfigureAwait(false);
            return RemoteWriteResult.Success(written.Id, created.ModifiedAt, Stored(mapper, entity, created));
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RemoteWriteResult>> UpdateAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        var entity = EntityOf(mapper);
        return OneByOneWrites.WriteAsync(records, record => record.Id, async (record, _) =>
        {
            var header = ChildRecords.Header(mapper, record);
            SyncRecord? saved = null;
            if (header.Count > 0)
            {
                if (SuperOfficeTextElements.WritesText(header, entity) && await _client.GetAsync(entity, Key(record.Id!), cancellationToken).ConfigureAwait(false) is { } current)
                {
                    header = SuperOfficeTextElements.ToElements(header, entity, current);
                }

                saved = await _client.UpdateAsync(entity, header, cancellationToken).ConfigureAwait(false);
            }

            await WriteLinesAsync(mapper, record, record.Id!, cancellationToken).ConfigureAwait(false);
            return RemoteWriteResult.Success(record.Id!, saved?.ModifiedAt, saved is null ? null : Stored(mapper, entity, saved));
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RemoteWriteResult>> DeleteAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var entity = EntityOf(mapper);

        // An entity SuperOffice answers with 404 is gone already: that is what was asked for.
        return OneByOneWrites.WriteAsync(ids, id => id, async (id, _) =>
        {
            await _client.DeleteAsync(entity, Key(id), cancellationToken).ConfigureAwait(false);
            return RemoteWriteResult.Success(id);
        });
    }

    /// <summary>
    /// The entity as saved, mapped as the feed maps it (its text-mapped element lists as text); null when the feed reads
    /// the type's archive rows instead, whose forms differ (empty text as <c>""</c>, times to the second), or reads lines the
    /// answer does not carry: the engine then reads the record back in the feed's form.
    /// </summary>
    private static SyncRecord? Stored(IEntityMapper mapper, SuperOfficeEntity entity, SyncRecord saved)
    {
        if (!ReadsWholeEntities(mapper, entity))
        {
            return null;
        }

        SuperOfficeTextElements.ToText(saved, SuperOfficeTextElements.TextFields(mapper, entity));
        return ChildRecords.WithAllChildren(mapper, saved);
    }

    /// <summary>Saves the lines the record carries under the alternative <paramref name="parentId"/> in one call, and deletes those marked deleted.</summary>
    private async Task WriteLinesAsync(IEntityMapper mapper, SyncRecord record, string parentId, CancellationToken cancellationToken)
    {
        foreach (var child in mapper.Children)
        {
            RequireQuoteLines(mapper, child);
            if (ChildRecords.Writes(record, child, parentId, QuoteLineParent) is not { } lines)
            {
                continue;
            }

            if (lines.Writes.Count > 0)
            {
                // SaveQuoteLines takes the alternative as its argument and each line's id apart from its fields.
                var sent = lines.Writes.Select(write =>
                {
                    write.Sent.Remove(SuperOfficeEntity.QuoteLine.Key);
                    write.Sent.Remove(QuoteLineParent);
                    return write.Sent;
                }).ToList();
                var saved = await _client.SaveQuoteLinesAsync(Key(parentId), sent, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < lines.Writes.Count; i++)
                {
                    // New lines learn their ids, as the engine's children do from other connectors.
                    lines.Writes[i].Line.Id ??= saved[i].Id;
                }
            }

            foreach (var id in lines.Deletes)
            {
                // A line SuperOffice answers with 404 is gone already.
                await _client.DeleteAsync(SuperOfficeEntity.QuoteLine, Key(id), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
