using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The resolve stage: before a page or unit is routed, what routing needs is read together, in one query or call each
/// (the records' links, their match candidates' links, the host records and the remote records routing reads), so
/// routing itself reads nothing one record at a time.
/// </summary>
internal sealed partial class FlowCycle<TEntity>
{
    /// <summary>
    /// Resolves a page of remote records: its links; for its unlinked records, their candidates in the host index and
    /// the candidates' links (the index widened to every host record, once a cycle, from the first record that matches
    /// nothing, as routing one record at a time would); the host records of the changed linked records and of the free
    /// candidates in one read; the references of its records.
    /// </summary>
    private async Task<RemotePage<TEntity>> ResolveRemotePageAsync(IReadOnlyList<SyncRecord> records)
    {
        var links = await RemoteLinksAsync(records).ConfigureAwait(false);
        var prints = new Dictionary<string, SyncFingerprint>(links.Count, StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var unlinked = new List<SyncRecord>();
        foreach (var record in records)
        {
            if (record.IsDeleted || string.IsNullOrEmpty(record.Id))
            {
                continue;
            }

            if (!links.TryGetValue(record.Id, out var link))
            {
                unlinked.Add(record);
                continue;
            }

            var print = _mapper.FingerprintOf(record, FieldDirection.FromRemote);
            prints[record.Id] = print;
            if (!RecordDecider<TEntity>.HasAgreedState(link) || !RecordDecider<TEntity>.ReadsAsBefore(print, link.Fingerprints.RemoteRead, link.Fingerprints.RemoteWritten))
            {
                changed.Add(link.Link.LocalId);
            }
        }

        var matches = await ResolveHostMatchesAsync(unlinked, SharedKeys(records)).ConfigureAwait(false);
        var toRead = matches.FreeCandidates(State.Claims);
        toRead.UnionWith(changed);
        var hosts = await GetHostRecordsAsync(toRead).ConfigureAwait(false);
        if (changed.Any(hosts.ContainsKey))
        {
            await EnsureHostIndexAsync().ConfigureAwait(false); // a merge weighs the host record's change time
        }

        _references.ForgetPage();
        if (_hasReferences)
        {
            await _references.PrefetchAsync(records.Where(record => !record.IsDeleted), _mapper, toRemote: false, _cancellationToken).ConfigureAwait(false);
        }

        return new RemotePage<TEntity>(links, matches, prints, hosts);
    }

    /// <summary>The unlinked records' candidates in the host index and the candidates' links (see <see cref="ResolveRemotePageAsync"/>).</summary>
    private async Task<HostMatches> ResolveHostMatchesAsync(List<SyncRecord> unlinked, HashSet<(string Key, string Value)> sharedKeys)
    {
        var matches = new HostMatches();
        if (unlinked.Count == 0)
        {
            return matches;
        }

        await EnsureHostIndexAsync().ConfigureAwait(false);
        await SetCandidatesAsync(matches, unlinked, sharedKeys).ConfigureAwait(false);
        if (_mapper.MatchKeys.Count > 0 && !State.HostIndex.IsComplete
            && unlinked.FindIndex(record => matches.FoundNothing(record, State.Claims)) is var first and >= 0
            && await CompleteHostIndexAsync().ConfigureAwait(false))
        {
            await SetCandidatesAsync(matches, unlinked[first..], sharedKeys).ConfigureAwait(false);
        }

        return matches;
    }

    /// <summary>Sets the records' candidates as the host index names them now, and looks up the candidates' links in one query.</summary>
    private async Task SetCandidatesAsync(HostMatches matches, List<SyncRecord> records, HashSet<(string Key, string Value)> sharedKeys)
    {
        foreach (var record in records)
        {
            matches.Set(record.Id!, HostCandidatesOf(record, sharedKeys));
        }

        var ids = matches.IdsToLookUp(records.Select(record => record.Id!));
        matches.AddLinks(await _context.Links.FindLinksAsync(_flow, SyncSide.Local, ids, _cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The host records a remote record may match: by match key in priority order among the indexed host records, and,
    /// for a record an interrupted create may have made, by its content among the records with open intents.
    /// </summary>
    private HostCandidates HostCandidatesOf(SyncRecord record, HashSet<(string Key, string Value)> sharedKeys)
    {
        try
        {
            foreach (var key in _mapper.MatchKeys)
            {
                var ids = State.HostIndex.FindByKey(key, record).Distinct(StringComparer.Ordinal).ToList();
                if (ids.Count > 0)
                {
                    return new HostCandidates(key, ids) { SharedInPage = MatchIndex<string>.EntryOf(key, record) is { } entry && sharedKeys.Contains(entry) };
                }
            }

            if (State.Start.OpenIntents.Count > 0 && State.HostIndex.FindByContent(ContentOf(record)) is { Count: > 0 } same)
            {
                var createdFromIntent = State.Start.IntentOf(SyncSide.Remote, record.Id!) is not null;
                return new HostCandidates(null, [.. same.Where(id => createdFromIntent || State.Start.HasOpenIntent(SyncSide.Local, id)).Distinct(StringComparer.Ordinal)]);
            }

            return HostCandidates.None;
        }
        catch (Exception error) when (StopErrors.IsBadRecord(error))
        {
            return HostCandidates.None with { Error = error };
        }
    }

    /// <summary>
    /// Resolves a unit of host changes: its links in one query, and the references of its records (their lookups
    /// together).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, StoredLink>> ResolveHostLinksAsync(List<HostChange<TEntity>> chunk)
    {
        var links = await _context.Links.FindLinksAsync(_flow, SyncSide.Local, chunk.Select(change => change.Id).ToHashSet(StringComparer.Ordinal), _cancellationToken).ConfigureAwait(false);
        _references.ForgetPage();
        if (_hasReferences)
        {
            await _references.PrefetchAsync(chunk.Select(change => UntranslatedShape(change.Entity)).OfType<SyncRecord>(), _mapper, toRemote: true, _cancellationToken).ConfigureAwait(false);
        }

        return links;
    }

    /// <summary>
    /// Resolves how a unit's unlinked host records match remote records: the searches for what this cycle's remote
    /// reads did not cover, the records interrupted creates made, and the links of every candidate in one query.
    /// </summary>
    private async Task<RemoteMatches> ResolveRemoteMatchesAsync(List<Unlinked> unlinked)
    {
        var matches = new RemoteMatches(_mapper.MatchKeys, await SearchRemoteAsync(unlinked).ConfigureAwait(false), await FindCreatedAsync(unlinked).ConfigureAwait(false));
        var ids = matches.IdsToLookUp(unlinked.Select(item => (item.LocalId, item.Host)), State.Claims);
        matches.SetLinks(await _context.Links.FindLinksAsync(_flow, SyncSide.Remote, ids, _cancellationToken).ConfigureAwait(false));
        return matches;
    }

    /// <summary>
    /// One search per match key for the chunk's values that this cycle's remote reads did not cover. A record with an
    /// open intent is always searched for, even after a read from the start: its create may have happened after the read.
    /// </summary>
    private async Task<MatchIndex<SyncRecord>> SearchRemoteAsync(List<Unlinked> unlinked)
    {
        var found = new MatchIndex<SyncRecord>();
        var pending = State.Start.ReadsRemoteFromStart ? unlinked.Where(HasOpenIntent).ToList() : unlinked;
        foreach (var key in _mapper.MatchKeys)
        {
            var values = SearchValues(pending.Where(item => State.Claims.UnlinkedRemoteByKey(key, item.Host).Count == 0), key);
            if (values.Count > 0)
            {
                foreach (var record in await _connector.SearchAsync(_mapper, key, values, _cancellationToken).ConfigureAwait(false))
                {
                    found.Add([key], record, record);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The remote records that interrupted creates of this chunk made, found by the type's natural key (what the API
    /// keeps unique) where the mapping has no match key to search by: one search on the key's most varied field, the
    /// hits compared on every field of the key. By host id; a record two hosts would claim is left to neither.
    /// </summary>
    private async Task<Dictionary<string, SyncRecord>> FindCreatedAsync(List<Unlinked> unlinked)
    {
        var created = new Dictionary<string, SyncRecord>(StringComparer.Ordinal);
        if (_mapper.MatchKeys.Count > 0 || _capabilities.NaturalKey is not { Count: > 0 } key || unlinked.Where(HasOpenIntent).ToList() is not { Count: > 0 } pending)
        {
            return created;
        }

        var field = key.MaxBy(name => pending.Select(item => SyncMatchValue.Of(item.Host, name)).Distinct().Count())!;
        var values = SearchValues(pending, field);
        var hits = values.Count == 0 ? [] : await _connector.SearchAsync(_mapper, field, values, _cancellationToken).ConfigureAwait(false);
        var byContent = hits.GroupBy(ContentOf, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        foreach (var item in pending)
        {
            if (byContent.TryGetValue(ContentOf(item.Host), out var same) && same.Count == 1)
            {
                created[item.LocalId] = same[0];
            }
        }

        return created;
    }

    /// <summary>The distinct values of <paramref name="field"/> the records have that can match anything (empty values never do).</summary>
    private static List<SyncValue> SearchValues(IEnumerable<Unlinked> records, string field) =>
        [.. records
            .Select(item => item.Host.TryGetValue(field, out var value) ? value : SyncValue.Null)
            .Where(value => SyncMatchValue.Normalise(value) is not null)
            .Distinct()];

    private bool HasOpenIntent(Unlinked item) => State.Start.HasOpenIntent(SyncSide.Local, item.LocalId);

    /// <summary>The remote records of <paramref name="ids"/> that exist (tombstones where the API reports them), by id, in one connector call.</summary>
    private async Task<IReadOnlyDictionary<string, SyncRecord>> ReadRemoteRecordsAsync(IEnumerable<string> ids)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var records = distinct.Count == 0 ? [] : await _connector.GetManyAsync(_mapper, distinct, _cancellationToken).ConfigureAwait(false);
        return records.Where(record => !string.IsNullOrEmpty(record.Id)).DistinctBy(record => record.Id).ToDictionary(record => record.Id!, StringComparer.Ordinal);
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
                if (MatchIndex<string>.EntryOf(key, record) is { } entry && !seen.Add(entry))
                {
                    shared.Add(entry);
                }
            }
        }

        return shared;
    }
}
