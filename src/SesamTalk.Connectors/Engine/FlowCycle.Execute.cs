using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Executing a unit of work: the breaker, the host writes, the remote creates (intent first), updates and deletes (one
/// connector call each, which splits them into the API's batches), then one commit of links, states, intents, conflicts, quarantine and the cursor.
/// </summary>
internal sealed partial class FlowCycle<TEntity>
{
    /// <summary>
    /// The stages after decide: the breaker counts the unit's decisions, then they go to the unit's sink: a dry run lists
    /// them (<see cref="PlanRecorder{TEntity}"/>), stopping where the cycle would; a cycle writes and commits them. A
    /// unit outside the feeds' order (a targeted read, released records) that decided nothing has no cursor to move
    /// either: it writes and commits nothing, as a page of echoes does.
    /// </summary>
    private async Task ExecuteAsync(List<RecordDecision> decisions, SyncSide side, string? cursor)
    {
        if (decisions.Count == 0 && cursor is null)
        {
            return;
        }

        using var span = SyncTracing.StartUnit(_tags, side, decisions.Count);
        if (_planner is { } planner)
        {
            decisions = planner.Undecided(decisions);
            State.Breaker.Admit(decisions.Count(decision => decision.IsMassChange), _flow);
            planner.Add(decisions);
            State.Processed += decisions.Count;
            return;
        }

        State.Breaker.Admit(decisions.Count(decision => decision.IsMassChange), _flow);
        await WriteAsync(decisions.ConvertAll(decision => new LinkWork<TEntity>(decision)), side, cursor, span).ConfigureAwait(false);
    }

    private async Task WriteAsync(List<LinkWork<TEntity>> works, SyncSide side, string? cursor, System.Diagnostics.Activity? span)
    {
        if (works.Count == 0 && cursor is not null && State.Cursors.MayWait(_context.Time.GetUtcNow(), _context.Options.LeaseDuration))
        {
            // A unit of echoes and unchanged records writes nothing: its cursor goes with the next commit.
            State.Cursors.Set(side, cursor);
            return;
        }

        _progress?.Report(new SyncProgress(_definition.Name, _mapper.Target, SyncStage.Writing, State.Processed));
        await KeepLeaseAsync().ConfigureAwait(false);
        await WriteHostAsync(works).ConfigureAwait(false);
        await WriteRemoteAsync(works).ConfigureAwait(false);
        await CommitAsync(works, side, cursor).ConfigureAwait(false);
        SyncTracing.Committed(span, works.Count(work => work.Error is not null));
        State.Processed += works.Count;
        _progress?.Report(new SyncProgress(_definition.Name, _mapper.Target, SyncStage.Committing, State.Processed));
    }

    /// <summary>
    /// The remote creates, updates and deletes, then what the system stored of each write. The stored records end
    /// with this method (a work keeps only what it needs of them): a unit's records are not held through its commit.
    /// </summary>
    private async Task WriteRemoteAsync(List<LinkWork<TEntity>> works)
    {
        var answers = new Dictionary<LinkWork<TEntity>, RemoteWriteResult>(works.Count);
        await CreateRemoteAsync(works, answers).ConfigureAwait(false);
        await UpdateRemoteAsync(works, answers).ConfigureAwait(false);
        await DeleteRemoteAsync(works).ConfigureAwait(false);
        await TakeStoredAsync(answers).ConfigureAwait(false);
    }

    private async Task WriteHostAsync(List<LinkWork<TEntity>> works)
    {
        var writes = works.Where(work => work.Error is null && work.WritesHost).ToList();
        await RecordIntentsAsync(writes.Where(work => work.CreatesHost && work.Deletes is null).ToList(), SyncSide.Remote).ConfigureAwait(false);
        foreach (var work in writes)
        {
            try
            {
                if (work.Deletes == SyncSide.Local)
                {
                    await (work.SoftDelete
                        ? _hostSoftDelete!.MarkDeletedAsync(work.LocalId!, _cancellationToken)
                        : _host.DeleteAsync(work.LocalId!, _cancellationToken)).ConfigureAwait(false);
                    Written(SyncSide.Local, SyncChangeKind.Delete);
                    continue;
                }

                var entity = work.Entity ??= _definition.Create();
                _mapper.Apply(work.ToHost!, entity);
                var id = await _host.SaveAsync(entity, _cancellationToken).ConfigureAwait(false);
                work.LocalId ??= id;
                var host = await HostShapeAsync(entity, Owner(work.LocalId)).ConfigureAwait(false);
                work.LocalPrint = _mapper.Fingerprint(host, FieldDirection.ToRemote);
                work.HostWritten = true;
                if (work.CreatesHost)
                {
                    work.Agreed = AgreedState.Observe(_fields, host, work.RemoteRecord!);
                }

                Written(SyncSide.Local, work.CreatesHost ? SyncChangeKind.Create : SyncChangeKind.Update);
            }
            catch (Exception error) when (StopErrors.IsBadRecord(error))
            {
                work.Fail(error.Message, work.RemoteRecord is { } record ? RecordText.Of(record) : null, error is SyncReferenceException);
            }
        }
    }

    /// <summary>
    /// Creates the remote records in one connector call, which splits them into the API's batches;
    /// <paramref name="answers"/> receives each write's answer, whose stored record is taken after the writes.
    /// </summary>
    private async Task CreateRemoteAsync(List<LinkWork<TEntity>> works, Dictionary<LinkWork<TEntity>, RemoteWriteResult> answers)
    {
        var creates = works.Where(work => work.Error is null && work.CreatesRemote).ToList();
        if (creates.Count == 0)
        {
            return;
        }

        await RecordIntentsAsync(creates, SyncSide.Local).ConfigureAwait(false);
        var results = await _connector.CreateAsync(
            _mapper,
            creates.Select(work => new RemoteCreate(work.ToRemote!, work.Intent!.IdempotencyKey) { FirstAttempt = !State.Start.HasOpenIntent(SyncSide.Local, work.SourceId) }).ToList(),
            _cancellationToken).ConfigureAwait(false);
        for (var index = 0; index < creates.Count; index++)
        {
            Settle(creates[index], results[index], SyncChangeKind.Create);
            answers[creates[index]] = results[index];
        }

        await RewriteRepeatedCreatesAsync(creates, answers).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the intents of creates in one transaction before any of them is written: a crash or a lost answer after
    /// it is found again on the rerun. A create repeated under an open intent keeps it (and its idempotency key).
    /// </summary>
    private async Task RecordIntentsAsync(IReadOnlyList<LinkWork<TEntity>> creates, SyncSide source)
    {
        var pending = creates.Where(work => work.Intent is null).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var ids = pending.Select(work => source == SyncSide.Local ? work.LocalId! : work.RemoteId!).ToList();
        var intents = await _context.Links.RecordIntentsAsync(_flow, source, ids, _cancellationToken).ConfigureAwait(false);
        for (var index = 0; index < pending.Count; index++)
        {
            pending[index].Intent = intents[index];
        }
    }

    /// <summary>
    /// A create repeated under an earlier intent may have returned the record the first attempt made, with the values
    /// of then: the host record may have changed since. Writing the values once more makes both sides agree; what the
    /// system stored is then the update's answer (<paramref name="answers"/> change with it).
    /// </summary>
    private async Task RewriteRepeatedCreatesAsync(List<LinkWork<TEntity>> creates, Dictionary<LinkWork<TEntity>, RemoteWriteResult> answers)
    {
        var repeated = creates
            .Where(work => work.Error is null && work.RemoteId is not null && State.Start.HasOpenIntent(SyncSide.Local, work.SourceId))
            .ToList();
        if (repeated.Count == 0)
        {
            return;
        }

        var updateable = _fields.Where(field => field.Updateable).Select(field => field.Name).ToList();
        var records = repeated.Select(work =>
        {
            var record = RecordText.Copy(work.ToRemote!, updateable.Where(work.ToRemote!.Contains));
            record.Id = work.RemoteId;
            return record;
        }).ToList();
        var results = await _connector.UpdateAsync(_mapper, records, _cancellationToken).ConfigureAwait(false);
        for (var index = 0; index < repeated.Count; index++)
        {
            if (results[index].Error is { } error)
            {
                repeated[index].Fail($"{_mapper.Target} rejected '{repeated[index].RemoteId}': {error}", repeated[index].Payload);
            }

            answers[repeated[index]] = results[index];
        }
    }

    private async Task UpdateRemoteAsync(List<LinkWork<TEntity>> works, Dictionary<LinkWork<TEntity>, RemoteWriteResult> answers)
    {
        var updates = works.Where(work => work.Error is null && !work.CreatesRemote && work.ToRemote is { Count: > 0 }).ToList();
        foreach (var work in updates)
        {
            await KeepLineIdentitiesAsync(work).ConfigureAwait(false);
        }

        if (updates.Count == 0)
        {
            return;
        }

        var results = await _connector.UpdateAsync(_mapper, updates.Select(work => work.ToRemote!).ToList(), _cancellationToken).ConfigureAwait(false);
        for (var index = 0; index < updates.Count; index++)
        {
            Settle(updates[index], results[index], updates[index].SoftDelete ? SyncChangeKind.Delete : SyncChangeKind.Update);
            answers[updates[index]] = results[index];
        }
    }

    /// <summary>
    /// Before an update writes an order's lines, each takes the id of the remote line it is (<see cref="LineIdentities"/>),
    /// so the connector updates that line instead of adding another one next to it, and a line that exists keeps only
    /// the fields an update may write (a Salesforce order item's product is fixed once created). Remote lines no line
    /// pairs with were removed: they follow as deleted lines, which the connector deletes. A new line gets its constants.
    /// </summary>
    private async Task KeepLineIdentitiesAsync(LinkWork<TEntity> work)
    {
        SyncRecord? remote = work.RemoteRecord;
        foreach (var child in _mapper.Children)
        {
            if (!work.ToRemote!.TryGetValue(child.Field, out var value) || value.Kind != SyncValueKind.Records || value.AsRecords() is not { } lines)
            {
                continue;
            }

            if (remote is null || !remote.Contains(child.Field))
            {
                remote = await _connector.GetAsync(_mapper, work.RemoteId!, _cancellationToken).ConfigureAwait(false);
            }

            var existing = (remote is null ? null : LineMerge.LinesOf(remote, child.Field)) ?? [];
            var ids = LineIdentities.Assign(lines, existing, new LinePrinter(child));
            var sent = new List<SyncRecord>(lines.Count);
            for (var index = 0; index < lines.Count; index++)
            {
                var id = ids[index];
                var writable = child.Mapper.Fields.Where(field => id is null ? field.Createable : field.Updateable).Select(field => field.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var line = RecordText.Copy(lines[index], lines[index].FieldNames.Where(writable.Contains));
                line.Id = id;
                if (id is null)
                {
                    CreateConstants.Apply(child.Mapper, line);
                }

                sent.Add(line);
            }

            var kept = sent.Select(line => line.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
            sent.AddRange(existing
                .Where(line => line.Id is not null && !kept.Contains(line.Id))
                .Select(line => new SyncRecord(line.Type, line.Id) { IsDeleted = true }));
            work.IdentifyLines(child.Field, sent);
        }
    }

    private async Task DeleteRemoteAsync(List<LinkWork<TEntity>> works)
    {
        var deletes = works.Where(work => work.Error is null && work.Deletes == SyncSide.Remote && !work.SoftDelete).ToList();
        if (deletes.Count == 0)
        {
            return;
        }

        var results = await _connector.DeleteAsync(_mapper, deletes.Select(work => work.RemoteId!).ToList(), _cancellationToken).ConfigureAwait(false);
        for (var index = 0; index < deletes.Count; index++)
        {
            Settle(deletes[index], results[index], SyncChangeKind.Delete);
        }
    }

    private void Settle(LinkWork<TEntity> work, RemoteWriteResult result, SyncChangeKind kind)
    {
        if (result.Error is { } error)
        {
            work.Fail(
                $"{_mapper.Target} rejected {(work.RemoteId is null ? "the new record for " + Owner(work.LocalId!) : "'" + work.RemoteId + "'")}: {error}",
                work.ToRemote is { } record ? RecordText.Of(record) : null);
            return;
        }

        work.RemoteId ??= result.Id;
        work.RemoteWritten = true;
        Written(SyncSide.Remote, kind);
    }

    private async Task CommitAsync(List<LinkWork<TEntity>> works, SyncSide side, string? cursor)
    {
        await KeepLeaseAsync().ConfigureAwait(false);
        var now = _context.Time.GetUtcNow();
        var commit = await _context.Links.BeginCommitAsync(_cancellationToken).ConfigureAwait(false);
        await using (commit.ConfigureAwait(false))
        {
            if (_lease is not null)
            {
                commit.RequireLease(_lease);
            }

            foreach (var work in works)
            {
                Commit(commit, work, now);
            }

            if (cursor is not null)
            {
                State.Cursors.Set(side, cursor);
            }

            foreach (var (cursorSide, value) in State.Cursors.All)
            {
                commit.SaveCursor(_flow, cursorSide, value);
            }

            await commit.CommitAsync(_cancellationToken).ConfigureAwait(false);
        }

        State.Cursors.Committed(now);

        // The link store answers for the links just committed: their claims are no longer needed (a failed record's
        // claim stays, so no later page of the cycle links or creates its counterpart again).
        State.Claims.Release(works.Where(work => work.SavesNewLink));

        EngineLog.Committed(_context.Logger, Name, works.Count, side, cursor ?? "(unchanged)");
    }

    /// <summary>Commits the cursors of the last units that wrote nothing, when any (at the end of a cycle).</summary>
    private async Task CommitDeferredCursorsAsync()
    {
        if (State.Cursors.Any && !Planning)
        {
            await CommitAsync([], SyncSide.Local, cursor: null).ConfigureAwait(false);
        }
    }

    private void Commit(ILinkStoreCommit commit, LinkWork<TEntity> work, DateTimeOffset now)
    {
        if (work.Error is not null)
        {
            // A record that named one not linked yet (an order before its customer) is tried again next cycle by itself.
            commit.Quarantine(_flow, work.Source, work.SourceId, work.Error, work.Payload, released: work.RetryNextCycle);
            Report.Quarantined++;
            _context.Metrics.Quarantined(_tags);
            EngineLog.Quarantined(_context.Logger, Name, work.Source, work.SourceId, work.Error);
            return;
        }

        if (work.Unlink)
        {
            commit.RemoveLink(_flow, work.LocalId!);
        }
        else if (work.LocalId is not null && work.RemoteId is not null && work.Agreed is not null)
        {
            if (work.NewLink is { } provenance)
            {
                commit.SaveLink(new SyncLink(_definition.Name, work.LocalId, _mapper.Target, work.RemoteId, provenance, work.Matched.Key, now) { MatchValue = work.Matched.Value });
            }

            commit.SaveFingerprints(_flow, work.LocalId, Fingerprints(work));
            if (work.Intent is { } intent)
            {
                commit.CompleteIntent(intent.IdempotencyKey);
            }

            foreach (var conflict in work.Conflicts)
            {
                commit.RecordConflict(new ConflictRecord(_flow, work.LocalId, work.RemoteId, conflict.Field, conflict.LocalValue, conflict.RemoteValue, conflict.Rule, conflict.Winner, now));
                Report.Conflicts++;
                _context.Metrics.Conflict(_tags);
                EngineLog.Conflict(_context.Logger, Name, conflict.Field, work.LocalId, work.RemoteId, conflict.Winner, conflict.Rule);
            }
        }

        if (State.Start.Quarantined.Contains((work.Source, work.SourceId)))
        {
            commit.ClearQuarantine(_flow, work.Source, work.SourceId);
        }
    }

    /// <summary>The link's fingerprints after the work: what each side was last read as and last written as.</summary>
    private static LinkFingerprints Fingerprints(LinkWork<TEntity> work)
    {
        var previous = work.Previous ?? LinkFingerprints.None;
        return LinkFingerprints.WithAgreedState(
            localRead: work.LocalPrint ?? previous.LocalRead,
            localWritten: work.HostWritten ? work.LocalPrint : previous.LocalWritten,
            remoteRead: work.RemotePrint ?? previous.RemoteRead,
            remoteWritten: work.RemoteWritten ? work.RemoteWrittenPrint : previous.RemoteWritten,
            agreed: work.Agreed!);
    }

    private void Written(SyncSide side, SyncChangeKind kind)
    {
        _ = kind switch
        {
            SyncChangeKind.Create => Report.Created++,
            SyncChangeKind.Delete => Report.Deleted++,
            _ => Report.Updated++,
        };
        _context.Metrics.Written(_tags, side);
    }
}
