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

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteWriteResult>> CreateAsync(IEntityMapper mapper, IReadOnlyList<RemoteCreate> creates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creates);
        var entity = EntityOf(mapper);
        var results = new List<RemoteWriteResult>(creates.Count);
        foreach (var create in creates)
        {
            var record = mapper.WithConstants(create.Record);
            if (entity == SuperOfficeEntity.Product && !record.Contains(InAssortment))
            {
                // SaveProduct reads an absent flag as false: the product would be created discontinued, and so be left
                // out of product searches and of this connector's product feed.
                record[InAssortment] = SyncValue.From(true);
            }

            string? id = null;
            try
            {
                var created = await _client.CreateAsync(entity, ChildRecords.Header(mapper, record), cancellationToken).ConfigureAwait(false);
                id = created.Id!;
                await WriteLinesAsync(mapper, record, id, cancellationToken).ConfigureAwait(false);
                results.Add(RemoteWriteResult.Success(id, created.ModifiedAt, Stored(mapper, entity, created)));
            }
            catch (SuperOfficeApiException error) when (IsRefusal(error))
            {
                results.Add(Refused(error, id));
            }
        }

        return results;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteWriteResult>> UpdateAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var entity = EntityOf(mapper);
        var results = new List<RemoteWriteResult>(records.Count);
        foreach (var record in records)
        {
            try
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
                results.Add(RemoteWriteResult.Success(record.Id!, saved?.ModifiedAt, saved is null ? null : Stored(mapper, entity, saved)));
            }
            catch (SuperOfficeApiException error) when (IsRefusal(error))
            {
                results.Add(Refused(error, record.Id));
            }
        }

        return results;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteWriteResult>> DeleteAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var entity = EntityOf(mapper);
        var results = new List<RemoteWriteResult>(ids.Count);
        foreach (var id in ids)
        {
            try
            {
                // An entity SuperOffice answers with 404 is gone already: that is what was asked for.
                await _client.DeleteAsync(entity, Key(id), cancellationToken).ConfigureAwait(false);
                results.Add(RemoteWriteResult.Success(id));
            }
            catch (SuperOfficeApiException error) when (IsRefusal(error))
            {
                results.Add(Refused(error, id));
            }
        }

        return results;
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
            if (ChildRecords.Lines(record, LinesField(mapper, child)) is not ({ } lines, { } deleted))
            {
                continue;
            }

            if (lines.Count > 0)
            {
                var sent = lines.Select(line =>
                {
                    var copy = child.Mapper.WithConstants(line);
                    copy.Remove(SuperOfficeEntity.QuoteLine.Key);
                    copy.Remove("QuoteAlternativeId");
                    return copy;
                }).ToList();
                var saved = await _client.SaveQuoteLinesAsync(Key(parentId), sent, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < lines.Count; i++)
                {
                    // New lines learn their ids, as the engine's children do from other connectors.
                    lines[i].Id ??= saved[i].Id;
                }
            }

            foreach (var id in deleted)
            {
                // A line SuperOffice answers with 404 is gone already.
                await _client.DeleteAsync(SuperOfficeEntity.QuoteLine, Key(id), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
