using System.Globalization;
using System.Net;
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
    public async Task<IReadOnlyList<RemoteWriteResult>> CreateAsync(IEntityMapper mapper, IReadOnlyList<RemoteCreate> creates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creates);
        var set = SetOf(mapper);
        var results = new List<RemoteWriteResult>(creates.Count);
        foreach (var create in creates)
        {
            var record = mapper.WithConstants(create.Record);
            results.Add(await WriteAsync(null, async () =>
            {
                var created = await _client.CreateAsync(set, record, cancellationToken).ConfigureAwait(false);
                CopyLineKeys(mapper, record, created);
                return RemoteWriteResult.Success(created.Id!, created.ModifiedAt, ChildRecords.WithAllChildren(mapper, created));
            }).ConfigureAwait(false));
        }

        return results;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteWriteResult>> UpdateAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var set = SetOf(mapper);
        var results = new List<RemoteWriteResult>(records.Count);
        foreach (var record in records)
        {
            var id = record.Id ?? throw new ArgumentException($"{record} has no Id to update.", nameof(records));
            results.Add(await WriteAsync(id, async () =>
            {
                var header = ChildRecords.Header(mapper, record);
                if (header.Count > 0)
                {
                    await _client.UpdateAsync(set, header, cancellationToken).ConfigureAwait(false);
                }

                await WriteLinesAsync(mapper, record, cancellationToken).ConfigureAwait(false);
                return RemoteWriteResult.Success(id);
            }).ConfigureAwait(false));
        }

        return results;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RemoteWriteResult>> DeleteAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var set = SetOf(mapper);
        var results = new List<RemoteWriteResult>(ids.Count);
        foreach (var id in ids)
        {
            // A delete Exact answers with 404 found the record gone already: that is what was asked for.
            results.Add(await WriteAsync(id, async () =>
            {
                await _client.DeleteAsync(set, id, cancellationToken).ConfigureAwait(false);
                return RemoteWriteResult.Success(id);
            }).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Runs one record's write; Exact's refusal of that record becomes its failure.</summary>
    private static async Task<RemoteWriteResult> WriteAsync(string? id, Func<Task<RemoteWriteResult>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (ExactOnlineApiException error) when (error.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
        {
            var code = error.ErrorCode.Length > 0 ? error.ErrorCode : ((int)error.Status).ToString(CultureInfo.InvariantCulture);
            return RemoteWriteResult.Failure(new RemoteRecordError(code, error.RemoteMessage, ExactOnlineErrors.Fields(error.RemoteMessage)), id ?? error.RecordId);
        }
    }

    private async Task WriteLinesAsync(IEntityMapper mapper, SyncRecord header, CancellationToken cancellationToken)
    {
        foreach (var child in mapper.Children)
        {
            if (ChildRecords.Lines(header, child.Field) is not ({ } lines, { } deleted))
            {
                continue;
            }

            var lineSet = SetOf(child.Mapper);
            var parentField = child.ParentField ?? SetOf(mapper).Key;
            foreach (var line in lines)
            {
                var sent = child.Mapper.WithConstants(line);
                if (line.Id is null)
                {
                    sent[parentField] = SyncValue.From(header.Id);
                    line.Id = (await _client.CreateAsync(lineSet, sent, cancellationToken).ConfigureAwait(false)).Id;
                }
                else
                {
                    sent.Remove(parentField);
                    await _client.UpdateAsync(lineSet, sent, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var id in deleted)
            {
                try
                {
                    await _client.DeleteAsync(lineSet, id, cancellationToken).ConfigureAwait(false);
                }
                catch (ExactOnlineApiException error) when (error.Status == HttpStatusCode.NotFound)
                {
                    // Gone already: what was asked for.
                }
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
