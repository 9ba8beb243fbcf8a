namespace SesamTalk.Connectors.Engine;

/// <summary>
/// What the remote system stored of a write: its answer's record, else one batched read-back for the unit's writes. The
/// agreed state keeps the stored form of each written field where it differs from the value sent, and the link's
/// remote fingerprint is the stored record's, so a value the system padded, trimmed or rounded reads as the echo it is.
/// </summary>
internal sealed partial class FlowCycle<TEntity>
{
    /// <summary>
    /// Takes the stored records of the unit's successful writes: each from its write's answer, the others read back
    /// together, in as few calls as the connector batches them (APIs that write one record a call still read many in one).
    /// Each is taken as it comes, without a second table of the unit's stored records (a large object at 10,000 a unit),
    /// and read from its answer only then: a record the connector predicts is made there and dies once taken.
    /// </summary>
    /// <param name="answers">Each written work with its write's answer, which carries its stored record or none.</param>
    private async Task TakeStoredAsync(Dictionary<LinkWork<TEntity>, RemoteWriteResult> answers)
    {
        var unread = new List<LinkWork<TEntity>>();
        foreach (var (work, answer) in answers)
        {
            if (work.Error is not null || !work.RemoteWritten || work.RemoteId is null || work.Agreed is null)
            {
                continue;
            }

            if (answer.Stored is { } stored)
            {
                TakeStored(work, stored);
            }
            else
            {
                unread.Add(work);
            }
        }

        foreach (var (work, record) in await ReadBackAsync(unread).ConfigureAwait(false))
        {
            if (record is not null)
            {
                TakeStored(work, record);
            }
            else
            {
                work.RemoteWrittenPrint = ExpectedRemotePrint(work, stored: null);
            }
        }
    }

    /// <summary>
    /// Reads the written records back in one call (as the connector batches it): each work with its stored record, or
    /// with null when the read did not find it; a failed read-back leaves them all judged by the values sent.
    /// </summary>
    private async Task<IEnumerable<(LinkWork<TEntity> Work, SyncRecord? Record)>> ReadBackAsync(List<LinkWork<TEntity>> works)
    {
        if (works.Count == 0)
        {
            return [];
        }

        try
        {
            var records = await _connector.GetManyAsync(_mapper, [.. works.Select(work => work.RemoteId!)], _cancellationToken).ConfigureAwait(false);
            var byId = records.Where(record => record.Id is not null && !record.IsDeleted).ToDictionary(record => record.Id!, StringComparer.Ordinal);
            return works.Select(work => (work, byId.GetValueOrDefault(work.RemoteId!)));
        }
        catch (Exception error) when (StopErrors.EndsCycle(error) && error is not SyncLeaseLostException and not SyncMassChangeException)
        {
            // The writes are done and must be committed; only the echo of a rewritten value is lost to a failed read.
            EngineLog.ReadBackFailed(_context.Logger, Name, works.Count, error.Message);
            return works.Select(work => (work, (SyncRecord?)null));
        }
    }

    /// <summary>Records, for each field the work wrote, the form the remote system stored it in.</summary>
    private void TakeStored(LinkWork<TEntity> work, SyncRecord stored)
    {
        work.RemoteWrittenPrint = ExpectedRemotePrint(work, stored);

        // The decision's agreed state stays as decided: the stored forms go into a copy, made when there is one.
        AgreedState? agreed = null;
        foreach (var field in _fields)
        {
            if (!work.ToRemote!.TryGetValue(field.Name, out var sent)
                || (field.IsScalar && stored.TryGetValue(field.Name, out var kept) && sent.Equals(kept)))
            {
                continue; // not written, or stored as sent: its token is the agreed one already
            }

            if (field.Token(stored) is { } token)
            {
                (agreed ??= work.Agreed!.Copy()).SetRemote(field.Name, token);
            }
        }

        work.Agreed = agreed ?? work.Agreed;
    }

    /// <summary>
    /// What the remote record should read as after the write: the record as read (or, when the decision started on the
    /// host side and read nothing, as stored) with the written fields over it, each as the system stored it where that
    /// is known. The echo of the write then takes the fast path.
    /// </summary>
    private string? ExpectedRemotePrint(LinkWork<TEntity> work, SyncRecord? stored)
    {
        if ((work.RemoteRecord ?? stored) is not { } read || work.ToRemote is not { } written)
        {
            return null;
        }

        // Most writes leave nothing to lay over the record read (a create reads as what it sent, stored as sent): the
        // copy is made only when a written or stored value differs from it.
        SyncRecord? expected = null;
        foreach (var (field, value) in written)
        {
            var after = stored is not null && stored.TryGetValue(field, out var kept) ? kept : value;
            if (expected is null && read.TryGetValue(field, out var before) && before.Equals(after))
            {
                continue;
            }

            expected ??= RecordText.Copy(read, read.FieldNames);
            expected[field] = after;
        }

        return _mapper.Fingerprint(expected ?? read, FieldDirection.FromRemote);
    }
}
