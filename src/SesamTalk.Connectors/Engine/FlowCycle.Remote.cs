using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>The remote side of a cycle: the change feed page by page, and the retry of released quarantined records.</summary>
internal sealed partial class FlowCycle<TEntity>
{
    private async Task SyncRemoteChangesAsync(string? cursor)
    {
        await foreach (var page in _connector.ReadChangesAsync(_mapper, cursor, _cancellationToken).ConfigureAwait(false))
        {
            var decisions = new List<RecordDecision>(page.Records.Count);
            var read = await ReadPageAsync(page.Records).ConfigureAwait(false);
            _references.ForgetPage();
            if (_hasReferences)
            {
                await _references.PrefetchAsync(page.Records.Where(record => !record.IsDeleted), _mapper, toRemote: false, _cancellationToken).ConfigureAwait(false);
            }

            foreach (var record in page.Records)
            {
                if (await DecideRemoteAsync(record, read).ConfigureAwait(false) is { } decision)
                {
                    decisions.Add(decision);
                }
            }

            await ExecuteAsync(decisions, SyncSide.Remote, page.Cursor).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What deciding a page needs, read together: its links in one query, and the host records of the linked records
    /// that changed (the others take the fast path) in one call where the host store reads many at a time.
    /// </summary>
    private async Task<RemotePage<TEntity>> ReadPageAsync(IReadOnlyList<SyncRecord> records)
    {
        var links = await RemoteLinksAsync(records).ConfigureAwait(false);
        var prints = new Dictionary<string, SyncFingerprint>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.IsDeleted || string.IsNullOrEmpty(record.Id) || !links.TryGetValue(record.Id, out var link))
            {
                continue;
            }

            var print = _mapper.FingerprintOf(record, FieldDirection.FromRemote);
            prints[record.Id] = print;
            if (!RecordDecider<TEntity>.HasAgreedState(link) || !RecordDecider<TEntity>.ReadsAsBefore(print, link.Fingerprints.RemoteRead, link.Fingerprints.RemoteWritten))
            {
                changed.Add(link.Link.LocalId);
            }
        }

        var hosts = await GetHostRecordsAsync(changed).ConfigureAwait(false);
        return new RemotePage<TEntity>(links, SharedKeys(records), prints, changed, hosts);
    }

    /// <summary>The host records of <paramref name="ids"/> that exist: in one call where the store reads many at a time (<see cref="IHostBatchStore{TEntity}"/>), else one a call.</summary>
    private async Task<IReadOnlyDictionary<string, TEntity>> GetHostRecordsAsync(HashSet<string> ids)
    {
        if (ids.Count > 0 && _host is IHostBatchStore<TEntity> batch)
        {
            return await batch.GetManyAsync(ids, _cancellationToken).ConfigureAwait(false);
        }

        var found = new Dictionary<string, TEntity>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await _host.GetAsync(id, _cancellationToken).ConfigureAwait(false) is { } entity)
            {
                found[id] = entity;
            }
        }

        return found;
    }

    /// <summary>The links of the records, by remote id, in one query.</summary>
    private Task<IReadOnlyDictionary<string, StoredLink>> RemoteLinksAsync(IEnumerable<SyncRecord> records) =>
        _context.Links.FindLinksAsync(_flow, SyncSide.Remote, records.Select(record => record.Id).OfType<string>().Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal), _cancellationToken);

    /// <summary>Match-key values that several records of one page share: none of them may be linked by that key.</summary>
    private HashSet<(string Key, string Value)> SharedKeys(IReadOnlyList<SyncRecord> records)
    {
        var seen = new HashSet<(string, string)>();
        var shared = new HashSet<(string, string)>();
        foreach (var record in records.Where(record => !record.IsDeleted))
        {
            foreach (var key in _mapper.MatchKeys)
            {
                if (record.TryGetValue(key, out var value) && SyncMatchValue.Normalise(value) is { } normalised && !seen.Add((key.ToUpperInvariant(), normalised)))
                {
                    shared.Add((key.ToUpperInvariant(), normalised));
                }
            }
        }

        return shared;
    }

    /// <summary>Gives records a person released from quarantine another go, reading each again from its side.</summary>
    private async Task RetryReleasedAsync(IReadOnlyList<LinkStore.QuarantinedRecord> released)
    {
        var remote = new List<RecordDecision>();
        var host = new List<HostChange<TEntity>>();
        var links = await _context.Links.FindLinksAsync(_flow, SyncSide.Remote, released.Where(entry => entry.Side == SyncSide.Remote).Select(entry => entry.RecordId).ToHashSet(StringComparer.Ordinal), _cancellationToken).ConfigureAwait(false);
        foreach (var entry in released)
        {
            if (entry.Side == SyncSide.Remote)
            {
                if (await _connector.GetAsync(_mapper, entry.RecordId, _cancellationToken).ConfigureAwait(false) is { } record
                    && await DecideRemoteAsync(record, RemotePage<TEntity>.Single(links)).ConfigureAwait(false) is { } decision)
                {
                    remote.Add(decision);
                }
            }
            else
            {
                // The host record is outside the feed's order: its change time is the index's, as in the remote phase.
                await EnsureHostIndexAsync().ConfigureAwait(false);
                var entity = await _host.GetAsync(entry.RecordId, _cancellationToken).ConfigureAwait(false);
                host.Add(new HostChange<TEntity>(new HostCursor(_context.Time.GetUtcNow(), entry.RecordId), entity));
            }
        }

        // Cursors stay where they are: these records are outside the change feeds' order.
        if (remote.Count > 0)
        {
            await ExecuteAsync(remote, SyncSide.Remote, cursor: null).ConfigureAwait(false);
        }

        if (host.Count > 0)
        {
            await SyncHostChunkAsync(host, cursor: null).ConfigureAwait(false);
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
                return await DecideUnlinkedRemoteAsync(record, page.SharedKeys).ConfigureAwait(false);
            }

            if (PassedOver(RecordDecider<TEntity>.Unchanged(SyncSide.Remote, record.Id, page.PrintOf(record, _mapper), link)))
            {
                return null;
            }

            var agreed = AgreedState.Parse(link.Fingerprints.Agreed);

            var entity = page.ReadAhead(link.Link.LocalId, out var wasRead)
                ?? (wasRead ? null : await _host.GetAsync(link.Link.LocalId, _cancellationToken).ConfigureAwait(false));
            if (entity is null)
            {
                return null; // deleted in the host: its tombstone is handled with the host's changes
            }

            var host = await HostShapeAsync(entity, Owner(link.Link.LocalId)).ConfigureAwait(false);
            await EnsureHostIndexAsync().ConfigureAwait(false);
            return await MergedAsync(new MergePair<TEntity>(SyncSide.Remote, record.Id, link.Link.LocalId, entity, host, record, IndexedChangeTime(link.Link.LocalId)) { Link = link, Agreed = agreed }).ConfigureAwait(false);
        }
        catch (Exception error) when (StopErrors.IsBadRecord(error))
        {
            return Quarantined(SyncSide.Remote, record.Id, error, RecordText.Of(record), link?.Link.LocalId);
        }
    }

    private async Task<RecordDecision?> DecideUnlinkedRemoteAsync(SyncRecord record, IReadOnlySet<(string Key, string Value)> sharedKeys)
    {
        var intent = State.Start.IntentOf(SyncSide.Remote, record.Id!);
        await EnsureHostIndexAsync().ConfigureAwait(false);
        var match = await FindHostMatchAsync(record, intent is not null, sharedKeys).ConfigureAwait(false);
        if (match.Candidates == 0 && await CompleteHostIndexAsync().ConfigureAwait(false))
        {
            match = await FindHostMatchAsync(record, intent is not null, sharedKeys).ConfigureAwait(false);
        }

        if (match.Candidates > 1 || match.Taken)
        {
            State.Claims.SawUnlinkedRemote(_mapper.MatchKeys, record);
            return Ambiguous(SyncSide.Remote, record.Id!, match, record);
        }

        if (match.Record is { } localId && await _host.GetAsync(localId, _cancellationToken).ConfigureAwait(false) is { } entity)
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

    /// <summary>
    /// The host record a remote record matches: by match key in priority order among this cycle's host changes, and,
    /// for a record an interrupted create may have made, by its content among the records with open intents.
    /// </summary>
    private async Task<Match<string>> FindHostMatchAsync(SyncRecord record, bool createdFromIntent, IReadOnlySet<(string Key, string Value)> sharedKeys)
    {
        foreach (var key in _mapper.MatchKeys)
        {
            var ids = State.HostIndex.FindByKey(key, record).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            var free = await UnlinkedAsync(ids).ConfigureAwait(false);
            var sharedInPage = record.TryGetValue(key, out var value) && SyncMatchValue.Normalise(value) is { } normalised && sharedKeys.Contains((key.ToUpperInvariant(), normalised));
            return ids.Count > 1 || sharedInPage
                ? new Match<string>(null, key, Math.Max(ids.Count, 2), ids)
                : new Match<string>(free.Count == 1 ? free[0] : null, key, 1, ids) { Taken = free.Count == 0 };
        }

        if (State.Start.OpenIntents.Count > 0 && State.HostIndex.FindByContent(ContentOf(record)) is { Count: > 0 } same)
        {
            var candidates = same.Where(id => createdFromIntent || State.Start.HasOpenIntent(SyncSide.Local, id));
            var hits = await UnlinkedAsync(candidates).ConfigureAwait(false);
            if (hits.Count == 1)
            {
                return new Match<string>(hits[0], null, 1, hits);
            }
        }

        return Match<string>.None;
    }

    private async Task<List<string>> UnlinkedAsync(IEnumerable<string> localIds)
    {
        var unlinked = new List<string>();
        foreach (var id in localIds.Distinct(StringComparer.Ordinal))
        {
            if (!State.Claims.IsClaimedLocal(id) && await _context.Links.FindByLocalIdAsync(_flow, id, _cancellationToken).ConfigureAwait(false) is null)
            {
                unlinked.Add(id);
            }
        }

        return unlinked;
    }
}
