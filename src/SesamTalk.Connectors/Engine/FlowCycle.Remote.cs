using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>The remote side of a cycle: the change feed page by page, and the retry of released quarantined records.</summary>
internal sealed partial class FlowCycle<TEntity>
{
    private async Task SyncRemoteChangesAsync(string? cursor)
    {
        await foreach (var page in _connector.ReadChangesAsync(_mapper, cursor, _cancellationToken).ConfigureAwait(false))
        {
            await SyncRemotePageAsync(page.Records, page.Cursor).ConfigureAwait(false);
        }
    }

    /// <summary>Resolves, routes, writes and commits a page of remote records; <paramref name="cursor"/> is committed with it (null: the cursor stays).</summary>
    private async Task SyncRemotePageAsync(IReadOnlyList<SyncRecord> records, string? cursor)
    {
        var page = await ResolveRemotePageAsync(records).ConfigureAwait(false);
        var decisions = new List<RecordDecision>(records.Count);
        foreach (var record in records)
        {
            if (await DecideRemoteAsync(record, page).ConfigureAwait(false) is { } decision)
            {
                decisions.Add(decision);
            }
        }

        await ExecuteAsync(decisions, SyncSide.Remote, cursor).ConfigureAwait(false);
    }

    /// <summary>
    /// Gives records a person released from quarantine another go, reading them again from their sides: the remote ones
    /// in one connector call (which batches them as its API allows), the host ones in one host read where the store reads
    /// many at a time. A record gone since is handed on as gone: a host record as a deletion, a remote one left out
    /// unless the API reports its tombstone.
    /// </summary>
    private async Task RetryReleasedAsync(IReadOnlyList<LinkStore.QuarantinedRecord> released)
    {
        var remoteIds = released.Where(entry => entry.Side == SyncSide.Remote).Select(entry => entry.RecordId).Distinct(StringComparer.Ordinal).ToList();
        var hostIds = released.Where(entry => entry.Side != SyncSide.Remote).Select(entry => entry.RecordId).ToHashSet(StringComparer.Ordinal);

        // Cursors stay where they are: these records are outside the change feeds' order.
        if (remoteIds.Count > 0)
        {
            var read = await ReadRemoteRecordsAsync(remoteIds).ConfigureAwait(false);
            var remote = remoteIds.Select(id => read.GetValueOrDefault(id)).OfType<SyncRecord>().ToList();
            if (remote.Count > 0)
            {
                await SyncRemotePageAsync(remote, cursor: null).ConfigureAwait(false);
            }
        }

        if (hostIds.Count > 0)
        {
            // The host records are outside the feed's order: their change time is the index's, as in the remote phase.
            await EnsureHostIndexAsync().ConfigureAwait(false);
            var entities = await GetHostRecordsAsync(hostIds).ConfigureAwait(false);
            var changedAt = _context.Time.GetUtcNow();
            await SyncHostRecordsAsync(hostIds.Select(id => new HostChange<TEntity>(new HostCursor(changedAt, id), entities.GetValueOrDefault(id)))).ConfigureAwait(false);
        }
    }

    /// <summary>Decides a remote change, with what was read for its page (<paramref name="page"/>).</summary>
    private async Task<RecordDecision?> DecideRemoteAsync(SyncRecord record, RemotePage<TEntity> page)
    {
        Report.Read++;
        _context.Metrics.Read(_tags, SyncSide.Remote);
        if (string.IsNullOrEmpty(record.Id))
        {
            return null; // a record without an id cannot be linked or even quarantined; connectors never yield one
        }

        var link = page.Links.GetValueOrDefault(record.Id);
        try
        {
            if (record.IsDeleted)
            {
                return link is null ? null : Deleted(SyncSide.Remote, record.Id, link);
            }

            if (link is null)
            {
                return await DecideUnlinkedRemoteAsync(record, page).ConfigureAwait(false);
            }

            if (PassedOver(RecordDecider<TEntity>.Unchanged(SyncSide.Remote, record.Id, page.PrintOf(record.Id), link)))
            {
                return null;
            }

            var agreed = AgreedState.Parse(link.Fingerprints.Agreed);

            if (page.HostOf(link.Link.LocalId) is not { } entity)
            {
                return null; // deleted in the host: its tombstone is handled with the host's changes
            }

            var host = await HostShapeAsync(entity, Owner(link.Link.LocalId)).ConfigureAwait(false);
            return await MergedAsync(new MergePair<TEntity>(SyncSide.Remote, record.Id, link.Link.LocalId, entity, host, record, IndexedChangeTime(link.Link.LocalId)) { Link = link, Agreed = agreed }).ConfigureAwait(false);
        }
        catch (Exception error) when (StopErrors.IsBadRecord(error))
        {
            return Quarantined(SyncSide.Remote, record.Id, error, RecordText.Of(record), link?.Link.LocalId);
        }
    }

    /// <summary>Routes an unlinked remote record: linked to the host record it matches (the page resolved the candidates), else created in the host, else kept for host records to match later in the cycle.</summary>
    private async Task<RecordDecision?> DecideUnlinkedRemoteAsync(SyncRecord record, RemotePage<TEntity> page)
    {
        var intent = State.Start.IntentOf(SyncSide.Remote, record.Id!);
        var match = page.Matches.Of(record, State.Claims);
        if (match.Candidates > 1 || match.Taken)
        {
            State.Claims.SawUnlinkedRemote(_mapper.MatchKeys, record);
            return Ambiguous(SyncSide.Remote, record.Id!, match, record);
        }

        if (match.Record is { } localId && page.HostOf(localId) is { } entity)
        {
            State.Claims.ClaimLocal(localId);
            var newLink = RecordDecider<TEntity>.Matched(intent ?? State.Start.IntentOf(SyncSide.Local, localId), match.Key, record);
            var host = await HostShapeAsync(entity, Owner(localId)).ConfigureAwait(false);
            return await MergedAsync(new MergePair<TEntity>(SyncSide.Remote, record.Id!, localId, entity, host, record, IndexedChangeTime(localId)) { NewLink = newLink }).ConfigureAwait(false);
        }

        if (!CreatesHost)
        {
            State.Claims.SawUnlinkedRemote(_mapper.MatchKeys, record);
            return null;
        }

        return await CreateHostAsync(record, intent).ConfigureAwait(false);
    }
}
