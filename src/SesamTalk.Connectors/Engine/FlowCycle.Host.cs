using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>The host side of a cycle: the index of the host's changes, and the push of host changes chunk by chunk.</summary>
internal sealed partial class FlowCycle<TEntity>
{
    /// <summary>
    /// Reads the host's changes, once a cycle and only when a remote record needs them: their times (for latest-wins)
    /// and their match keys, so remote records find pre-existing host records. Holds ids and keys only, never the
    /// entities. A cycle whose remote feed brings nothing to merge or match (a first load from the host, a quiet cycle)
    /// reads the host's feed once, to push it.
    /// </summary>
    private async Task EnsureHostIndexAsync()
    {
        if (State.HostIndex.IsBuilt)
        {
            return;
        }

        State.HostIndex.StartBuilding(coversEveryRecord: State.Start.HostCursor is null);
        if (_notifiedHosts is { } notified)
        {
            await IndexNotifiedHostRecordsAsync(notified).ConfigureAwait(false);
            return;
        }

        await IndexHostRecordsAsync(State.Start.HostCursor, changesOnly: true).ConfigureAwait(false);
    }

    /// <summary>
    /// When the host record changed, as far as this cycle knows: the index's time once it is built (null for a record
    /// that did not change), else, pushing the host's feed, the change's own time (the same the index would hold).
    /// </summary>
    private DateTimeOffset? HostChangedAt(string localId, DateTimeOffset feedTime) =>
        State.HostIndex.IsBuilt ? IndexedChangeTime(localId) : feedTime;

    /// <summary>When the host index says the record changed this cycle; null when it did not (call <see cref="EnsureHostIndexAsync"/> first).</summary>
    private DateTimeOffset? IndexedChangeTime(string localId) => State.HostIndex.ChangedAt(localId);

    /// <summary>
    /// Widens the index to every host record, once a cycle, when an unlinked remote record matched no changed host
    /// record: an unchanged host record with the same key must be linked (an invoice billed for an order synced long
    /// ago), and never duplicated.
    /// </summary>
    private async Task<bool> CompleteHostIndexAsync()
    {
        if (_mapper.MatchKeys.Count == 0 || !State.HostIndex.TryWiden())
        {
            return false;
        }

        await IndexHostRecordsAsync(cursor: null, changesOnly: false).ConfigureAwait(false);
        return true;
    }

    private async Task IndexHostRecordsAsync(HostCursor? cursor, bool changesOnly)
    {
        var indexContent = changesOnly && State.Start.OpenIntents.Count > 0;
        var batch = new List<(string Id, TEntity Entity)>(IndexBatch);
        await foreach (var change in _host.GetChangesAsync(cursor, _cancellationToken).ConfigureAwait(false))
        {
            if (changesOnly)
            {
                State.HostIndex.Changed(change.Id, change.Position.ModifiedAt);
            }
            else if (State.HostIndex.HasChanged(change.Id))
            {
                continue; // indexed with this cycle's changes already
            }

            if (change.Entity is { } entity && (_mapper.MatchKeys.Count > 0 || indexContent))
            {
                batch.Add((change.Id, entity));
            }

            if (batch.Count == IndexBatch)
            {
                await IndexBatchAsync(batch, indexContent).ConfigureAwait(false);
                batch.Clear();
            }
        }

        await IndexBatchAsync(batch, indexContent).ConfigureAwait(false);
    }

    /// <summary>Indexes host records by match key (and by content, for open intents), their references looked up together.</summary>
    private async Task IndexBatchAsync(List<(string Id, TEntity Entity)> batch, bool indexContent)
    {
        if (_hasReferences && batch.Count > 0)
        {
            await _references.PrefetchAsync(batch.Select(item => UntranslatedShape(item.Entity)).OfType<SyncRecord>(), _mapper, toRemote: true, _cancellationToken).ConfigureAwait(false);
        }

        foreach (var (id, entity) in batch)
        {
            if (await IndexShapeAsync(entity, id).ConfigureAwait(false) is not { } record)
            {
                continue; // quarantined when the host changes are pushed
            }

            State.HostIndex.AddKeys(_mapper.MatchKeys, record, id);
            if (indexContent)
            {
                State.HostIndex.AddContent(ContentOf(record), id);
            }
        }
    }

    /// <summary>
    /// The host record as the index compares it: translated, so a match key that is a reference (an invoice's order)
    /// compares remote ids with remote ids. A record whose references are not linked yet still claims its own match
    /// keys (untranslated, references left out), so a remote record with the same key waits for it instead of creating
    /// a twin in the host. Null for a record that cannot be mapped at all.
    /// </summary>
    private async Task<SyncRecord?> IndexShapeAsync(TEntity entity, string id)
    {
        try
        {
            return await HostShapeAsync(entity, Owner(id)).ConfigureAwait(false);
        }
        catch (SyncReferenceException)
        {
            var record = _mapper.ToRecord(entity);
            foreach (var reference in _mapper.References)
            {
                record.Remove(reference.Field);
            }

            return record;
        }
        catch (Exception error) when (StopErrors.IsBadRecord(error))
        {
            return null;
        }
    }

    /// <summary>
    /// Pushes the host's changes after <paramref name="cursor"/> in units of the connector's largest write batch, and of
    /// at least <see cref="MinimumUnit"/> changes: a unit is one link-store transaction on disk (with one for its
    /// intents), and for APIs that write one record a call, the unit's read-back of what the system stored is one call
    /// for many writes.
    /// </summary>
    private async Task SyncHostChangesAsync(HostCursor? cursor)
    {
        var size = HostUnitSize;
        var chunk = new List<HostChange<TEntity>>(size);
        await foreach (var change in _host.GetChangesAsync(cursor, _cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(change);
            if (chunk.Count == size)
            {
                await SyncHostChunkAsync(chunk, chunk[^1].Position.ToString()).ConfigureAwait(false);
            }
        }

        if (chunk.Count > 0)
        {
            await SyncHostChunkAsync(chunk, chunk[^1].Position.ToString()).ConfigureAwait(false);
        }
    }

    /// <summary>How many host changes make one unit of work (see <see cref="SyncHostChangesAsync"/>).</summary>
    private int HostUnitSize => Math.Max(1, _options.BatchSize ?? Math.Max(_capabilities.MaxBatchSize, MinimumUnit));

    /// <summary>
    /// Decides a unit of host changes and writes it. The changes are let go (<paramref name="chunk"/> is emptied) once
    /// decided: a decision keeps what it writes, and the unit's host records need not live through its writes.
    /// </summary>
    private async Task SyncHostChunkAsync(List<HostChange<TEntity>> chunk, string? cursor)
    {
        var decisions = await DecideHostChunkAsync(chunk).ConfigureAwait(false);
        chunk.Clear();
        await ExecuteAsync(decisions, SyncSide.Local, cursor).ConfigureAwait(false);
    }

    /// <summary>
    /// Decides a unit of host changes. Its own method so that what deciding needs (the host records' remote shapes, the
    /// links read) is not held by the awaiting method while the decisions are written.
    /// </summary>
    private async Task<List<RecordDecision>> DecideHostChunkAsync(List<HostChange<TEntity>> chunk)
    {
        var decisions = new List<RecordDecision>(chunk.Count);
        var unlinked = new List<Unlinked>();
        var links = await _context.Links.FindLinksAsync(_flow, SyncSide.Local, chunk.Select(change => change.Id).ToHashSet(StringComparer.Ordinal), _cancellationToken).ConfigureAwait(false);
        _references.ForgetPage();
        if (_hasReferences)
        {
            await _references.PrefetchAsync(chunk.Select(change => UntranslatedShape(change.Entity)).OfType<SyncRecord>(), _mapper, toRemote: true, _cancellationToken).ConfigureAwait(false);
        }

        foreach (var change in chunk)
        {
            Report.Read++;
            _context.Metrics.Read(_tags, SyncSide.Local);
            var link = links.GetValueOrDefault(change.Id);
            try
            {
                var (decision, pending) = await DecideHostAsync(change, link).ConfigureAwait(false);
                if (decision is not null)
                {
                    decisions.Add(decision);
                }
                else if (pending is not null)
                {
                    unlinked.Add(pending);
                }
            }
            catch (Exception error) when (StopErrors.IsBadRecord(error))
            {
                decisions.Add(Quarantined(SyncSide.Local, change.Id, error, change.Entity is { } entity ? SafePayload(entity) : null, link?.Link.RemoteId));
            }
        }

        await MatchOrCreateAsync(unlinked, decisions).ConfigureAwait(false);
        return decisions;
    }

    /// <summary>The host record in the remote shape, untranslated (what the references' lookups need); null for one that cannot be mapped.</summary>
    private SyncRecord? UntranslatedShape(TEntity? entity)
    {
        try
        {
            return entity is null ? null : _mapper.ToRecord(entity);
        }
        catch (Exception error) when (StopErrors.IsBadRecord(error))
        {
            return null; // quarantined when it is decided
        }
    }

    /// <summary>
    /// Decides a host change of a record with its <paramref name="link"/>: the decision, or the change itself when
    /// the record is not linked yet (to match or create with the chunk's others), or neither when there is nothing to do.
    /// </summary>
    private async Task<(RecordDecision? Decision, Unlinked? Unlinked)> DecideHostAsync(HostChange<TEntity> change, StoredLink? link)
    {
        var changedAt = HostChangedAt(change.Id, change.Position.ModifiedAt);
        if (change.Entity is not { } entity)
        {
            return (link is null ? null : Deleted(SyncSide.Local, change.Id, link), null);
        }

        if (link is null)
        {
            return (null, State.Claims.IsClaimedLocal(change.Id) ? null : await UnlinkedAsync(change.Id, entity, changedAt).ConfigureAwait(false));
        }

        var host = await HostShapeAsync(entity, Owner(change.Id)).ConfigureAwait(false);
        if (PassedOver(RecordDecider<TEntity>.Unchanged(SyncSide.Local, change.Id, _mapper.FingerprintOf(host, FieldDirection.ToRemote), link)))
        {
            return default;
        }

        var agreed = AgreedState.Parse(link.Fingerprints.Agreed);

        // A link made by hand has no agreed state yet: merge with the remote record as it is now.
        var remote = agreed is null
            ? await _connector.GetAsync(_mapper, link.Link.RemoteId, _cancellationToken).ConfigureAwait(false)
            : new SyncRecord(_mapper.Target.Type, link.Link.RemoteId);
        if (remote is null || remote.IsDeleted)
        {
            return default;
        }

        return (await MergedAsync(new MergePair<TEntity>(SyncSide.Local, change.Id, change.Id, entity, host, remote, changedAt) { Link = link, Agreed = agreed }).ConfigureAwait(false), null);
    }

    /// <summary>
    /// An unlinked host record to match or create. In a flow where host records create nothing, a record with no match
    /// key, or whose references are not linked in this system yet, has nothing to do here and is left alone.
    /// </summary>
    private async Task<Unlinked?> UnlinkedAsync(string localId, TEntity entity, DateTimeOffset? changedAt)
    {
        if (!CreatesRemote && _mapper.MatchKeys.Count == 0)
        {
            return null;
        }

        try
        {
            return new Unlinked(localId, entity, await HostShapeAsync(entity, Owner(localId)).ConfigureAwait(false), changedAt);
        }
        catch (SyncReferenceException) when (!CreatesRemote)
        {
            return null;
        }
    }

    /// <summary>
    /// Links unlinked host records to pre-existing remote records by match key (records read this cycle, else one
    /// search per key for the whole chunk), and creates the rest remotely when the flow's origin says so. A record whose
    /// create may have happened already (an open intent) is looked up by what was written before it is created again.
    /// </summary>
    private async Task MatchOrCreateAsync(List<Unlinked> unlinked, List<RecordDecision> decisions)
    {
        if (unlinked.Count == 0)
        {
            return;
        }

        var searched = await SearchRemoteAsync(unlinked).ConfigureAwait(false);
        var created = await FindCreatedAsync(unlinked).ConfigureAwait(false);
        foreach (var (localId, entity, host, changedAt) in unlinked)
        {
            try
            {
                var intent = State.Start.IntentOf(SyncSide.Local, localId);
                var match = await FindRemoteMatchAsync(host, searched).ConfigureAwait(false);
                if (match.Candidates > 1 || match.Taken)
                {
                    decisions.Add(Ambiguous(SyncSide.Local, localId, match, host));
                    continue;
                }

                if ((match.Record ?? await FreeAsync(created.GetValueOrDefault(localId)).ConfigureAwait(false)) is { } remote)
                {
                    State.Claims.ClaimRemote(remote.Id!);
                    var newLink = RecordDecider<TEntity>.Matched(intent, match.Key, host);
                    decisions.Add(await MergedAsync(new MergePair<TEntity>(SyncSide.Local, localId, localId, entity, host, remote, changedAt) { NewLink = newLink }).ConfigureAwait(false));
                    continue;
                }

                if (!CreatesRemote)
                {
                    continue;
                }

                if (intent is not null && !_capabilities.ProtectsCreates(_mapper.MatchKeys))
                {
                    EngineLog.UnverifiableIntent(_context.Logger, Name, localId);
                }

                decisions.Add(_decider.CreateRemote(localId, host, intent));
            }
            catch (Exception error) when (StopErrors.IsBadRecord(error))
            {
                decisions.Add(Quarantined(SyncSide.Local, localId, error, SafePayload(entity), otherId: null));
            }
        }
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

    /// <summary>The record, unless it is linked or claimed already.</summary>
    private async Task<SyncRecord?> FreeAsync(SyncRecord? record) =>
        record is not null && !State.Claims.IsClaimedRemote(record.Id!)
            && await _context.Links.FindByRemoteIdAsync(_flow, record.Id!, _cancellationToken).ConfigureAwait(false) is null
            ? record
            : null;

    private bool HasOpenIntent(Unlinked item) => State.Start.HasOpenIntent(SyncSide.Local, item.LocalId);

    private async Task<Match<SyncRecord>> FindRemoteMatchAsync(SyncRecord host, MatchIndex<SyncRecord> searched)
    {
        foreach (var key in _mapper.MatchKeys)
        {
            var (read, found) = (State.Claims.UnlinkedRemoteByKey(key, host), searched.Find(key, host));
            if (read.Count == 0 && found.Count == 0)
            {
                continue; // most records of a first cycle: no need to merge the two lists
            }

            var hits = read.Concat(found).DistinctBy(record => record.Id, StringComparer.Ordinal).ToList();

            var ids = hits.Select(hit => hit.Id!).ToList();
            if (hits.Count > 1)
            {
                return new Match<SyncRecord>(null, key, hits.Count, ids);
            }

            var free = await FreeAsync(hits[0]).ConfigureAwait(false);
            return new Match<SyncRecord>(free, key, 1, ids) { Taken = free is null };
        }

        return Match<SyncRecord>.None;
    }

    /// <summary>A host change whose record has no link in the flow yet, and when it changed (see <see cref="HostChangedAt"/>).</summary>
    private sealed record Unlinked(string LocalId, TEntity Entity, SyncRecord Host, DateTimeOffset? ChangedAt);
}
