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

    /// <summary>Host records outside the feed's order (notified or released) in host units; the host cursor stays where it is.</summary>
    private async Task SyncHostRecordsAsync(IEnumerable<HostChange<TEntity>> changes)
    {
        foreach (var unit in changes.Chunk(HostUnitSize))
        {
            await SyncHostChunkAsync([.. unit], cursor: null).ConfigureAwait(false);
        }
    }

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
    /// Decides a unit of host changes: its links resolved, the linked records routed, then the pairs of hand-made links
    /// merged with their remote records (read together), then the unlinked records matched or created. Its own method so
    /// that what deciding needs (the host records' remote shapes, the links read) is not held by the awaiting method
    /// while the decisions are written.
    /// </summary>
    private async Task<List<RecordDecision>> DecideHostChunkAsync(List<HostChange<TEntity>> chunk)
    {
        var decisions = new List<RecordDecision>(chunk.Count);
        var unlinked = new List<Unlinked>();
        var handLinked = new List<MergePair<TEntity>>();
        var links = await ResolveHostLinksAsync(chunk).ConfigureAwait(false);
        foreach (var change in chunk)
        {
            Report.Read++;
            _context.Metrics.Read(_tags, SyncSide.Local);
            var link = links.GetValueOrDefault(change.Id);
            try
            {
                switch (await DecideHostAsync(change, link).ConfigureAwait(false))
                {
                    case ({ } decision, _, _):
                        decisions.Add(decision);
                        break;
                    case (_, { } pending, _):
                        unlinked.Add(pending);
                        break;
                    case (_, _, { } pair):
                        handLinked.Add(pair);
                        break;
                }
            }
            catch (Exception error) when (StopErrors.IsBadRecord(error))
            {
                decisions.Add(Quarantined(SyncSide.Local, change.Id, error, change.Entity is { } entity ? SafePayload(entity) : null, link?.Link.RemoteId));
            }
        }

        await MergeHandLinkedAsync(handLinked, decisions).ConfigureAwait(false);
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
    /// Routes a host change of a record with its <paramref name="link"/>: the decision; or, for a record not linked
    /// yet, the change itself (to match or create with the unit's others); or, for a link made by hand (no agreed state
    /// yet), the pair to merge with the remote record as it is now, read with the unit's others; or nothing to do.
    /// </summary>
    private async Task<(RecordDecision? Decision, Unlinked? Unlinked, MergePair<TEntity>? HandLinked)> DecideHostAsync(HostChange<TEntity> change, StoredLink? link)
    {
        var changedAt = HostChangedAt(change.Id, change.Position.ModifiedAt);
        if (change.Entity is not { } entity)
        {
            return (link is null ? null : Deleted(SyncSide.Local, change.Id, link), null, null);
        }

        if (link is null)
        {
            return (null, State.Claims.IsClaimedLocal(change.Id) ? null : await UnlinkedAsync(change.Id, entity, changedAt).ConfigureAwait(false), null);
        }

        var host = await HostShapeAsync(entity, Owner(change.Id)).ConfigureAwait(false);
        if (PassedOver(RecordDecider<TEntity>.Unchanged(SyncSide.Local, change.Id, _mapper.FingerprintOf(host, FieldDirection.ToRemote), link)))
        {
            return default;
        }

        var agreed = AgreedState.Parse(link.Fingerprints.Agreed);
        var pair = new MergePair<TEntity>(SyncSide.Local, change.Id, change.Id, entity, host, new SyncRecord(_mapper.Target.Type, link.Link.RemoteId), changedAt) { Link = link, Agreed = agreed };
        return agreed is null ? (null, null, pair) : (await MergedAsync(pair).ConfigureAwait(false), null, null);
    }

    /// <summary>
    /// Merges the pairs of links made by hand with their remote records as they are now, read in one call; a remote
    /// record that is gone leaves its pair alone.
    /// </summary>
    private async Task MergeHandLinkedAsync(List<MergePair<TEntity>> pairs, List<RecordDecision> decisions)
    {
        var remotes = await ReadRemoteRecordsAsync(pairs.Select(pair => pair.Remote.Id!)).ConfigureAwait(false);
        foreach (var pair in pairs)
        {
            if (remotes.GetValueOrDefault(pair.Remote.Id!) is not { IsDeleted: false } remote)
            {
                continue;
            }

            try
            {
                decisions.Add(await MergedAsync(pair with { Remote = remote }).ConfigureAwait(false));
            }
            catch (Exception error) when (StopErrors.IsBadRecord(error))
            {
                decisions.Add(Quarantined(SyncSide.Local, pair.LocalId, error, SafePayload(pair.Entity), pair.Remote.Id));
            }
        }
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
    /// search per key for the whole unit), and creates the rest remotely when the flow's origin says so. A record whose
    /// create may have happened already (an open intent) is looked up by what was written before it is created again.
    /// </summary>
    private async Task MatchOrCreateAsync(List<Unlinked> unlinked, List<RecordDecision> decisions)
    {
        if (unlinked.Count == 0)
        {
            return;
        }

        var matches = await ResolveRemoteMatchesAsync(unlinked).ConfigureAwait(false);
        foreach (var (localId, entity, host, changedAt) in unlinked)
        {
            try
            {
                var intent = State.Start.IntentOf(SyncSide.Local, localId);
                var match = matches.Of(host, State.Claims);
                if (match.Candidates > 1 || match.Taken)
                {
                    decisions.Add(Ambiguous(SyncSide.Local, localId, match, host));
                    continue;
                }

                if ((match.Record ?? matches.CreatedFor(localId, State.Claims)) is { } remote)
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

    /// <summary>A host change whose record has no link in the flow yet, and when it changed (see <see cref="HostChangedAt"/>).</summary>
    private sealed record Unlinked(string LocalId, TEntity Entity, SyncRecord Host, DateTimeOffset? ChangedAt);
}
