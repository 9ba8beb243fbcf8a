using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.ExactOnline;

// Writes, one record a call. Exact answers a refused record with 400 (and a record that is gone with 404): those
// become failures of that record; anything else (auth, throttling after retries, 5xx, the daily quota) throws.
// A header is created with its lines in one deep insert, and the new line keys are copied onto the line records.
// A create's answer is the record as Exact stored it (padding, defaults, numbers, the deep-inserted lines): it goes
// back as the result's stored record when it carries every line collection the mapper reads. An update answers 204
// without a body, so its stored record is left to the engine's read-back.
// Exact does not take lines through a header update, so an update writes the header, then each line through the
// lines set: lines with a key are updated, new ones are created under the header, lines marked deleted are deleted
// (one Exact answers 404 is gone already). Lines missing from the list are left alone.
public sealed partial class ExactOnlineSyncConnector
{
    /// <inheritdoc />
    public Task<IReadOnlyList<RemoteWriteResult>> CreateAsync(IEntityMapper mapper, IReadOnlyList<RemoteCreate> creates, CancellationToken cancellationToken)
    {
        var set = SetOf(mapper);
        return OneByOneWrites.WriteAsync(creates, _ => null, async (create, _) =>
        {
            var created = await _client.CreateAsync(set, create.Record, cancellationToken).ConfigureAwait(false);
            CopyLineKeys(mapper, create.Record, created);
            return RemoteWriteResult.Success(created.Id!, created.ModifiedAt, ChildRecords.WithAllChildren(mapper, created));
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RemoteWriteResult>> UpdateAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        var set = SetOf(mapper);
        return OneByOneWrites.WriteAsync(records, record => record.Id, async (record, _) =>
        {
            var id = record.Id ?? throw new ArgumentException($"{record} has no Id to update.", nameof(records));
            var header = ChildRecords.Header(mapper, record);
            if (header.Count > 0)
            {
                await _client.UpdateAsync(set, header, cancellationToken).ConfigureAwait(false);
            }

            await WriteLinesAsync(mapper, record, cancellationToken).ConfigureAwait(false);
            return RemoteWriteResult.Success(id);
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RemoteWriteResult>> DeleteAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var set = SetOf(mapper);

        // A delete Exact answers with 404 found the record gone already: that is what was asked for.
        return OneByOneWrites.WriteAsync(ids, id => id, async (id, _) =>
        {
            await _client.DeleteAsync(set, id, cancellationToken).ConfigureAwait(false);
            return RemoteWriteResult.Success(id);
        });
    }

    private async Task WriteLinesAsync(IEntityMapper mapper, SyncRecord header, CancellationToken cancellationToken)
    {
        foreach (var child in mapper.Children)
        {
            var lineSet = SetOf(child.Mapper);
            if (ChildRecords.Writes(header, child, header.Id!, child.ParentField ?? SetOf(mapper).Key) is not { } lines)
            {
                continue;
            }

            foreach (var write in lines.Writes)
            {
                if (write.Creates)
                {
                    write.Line.Id = (await _client.CreateAsync(lineSet, write.Sent, cancellationToken).ConfigureAwait(false)).Id;
                }
                else
                {
                    await _client.UpdateAsync(lineSet, write.Sent, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var id in lines.Deletes)
            {
                // A line Exact answers with 404 is gone already: the client takes that as deleted.
                await _client.DeleteAsync(lineSet, id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Copies the keys of deep-inserted lines, in order, onto the line records the engine sent.</summary>
    private static void CopyLineKeys(IEntityMapper mapper, SyncRecord sent, SyncRecord created)
    {
        foreach (var child in mapper.Children)
        {
            if (sent.TryGetValue(child.Field, out var lines) && lines.AsRecords() is { } originals
                && created.TryGetValue(child.Field, out var stored) && stored.AsRecords() is { } keyed && keyed.Count == originals.Count)
            {
                for (var i = 0; i < originals.Count; i++)
                {
                    originals[i].Id = keyed[i].Id;
                }
            }
        }
    }
}
