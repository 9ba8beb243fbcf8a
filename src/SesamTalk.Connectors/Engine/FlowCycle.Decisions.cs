using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>The decisions shared by both sides: merge, delete, link, quarantine.</summary>
internal sealed partial class FlowCycle<TEntity>
{
    /// <summary>
    /// Merges a linked (or just matched) pair field by field and records what each side must be sent;
    /// <paramref name="hostChangedAt"/> is when the host record changed, when this cycle knows.
    /// </summary>
    private async Task MergeAsync(LinkWork<TEntity> work, TEntity entity, SyncRecord host, SyncRecord remote, AgreedState? agreed, DateTimeOffset? hostChangedAt)
    {
        var clock = new MergeClock(hostChangedAt, remote.ModifiedAt);
        var outcome = FieldMerge.Merge(_fields, _mapper.Target.Type, host, remote, agreed, clock, FirstContact);
        work.LocalPrint = _mapper.Fingerprint(host, FieldDirection.ToRemote);
        if (remote.Count > 0)
        {
            work.RemotePrint = _mapper.Fingerprint(remote, FieldDirection.FromRemote);
        }

        if (outcome.ToHost.Count > 0)
        {
            outcome.ToHost.Id = remote.Id;
            var toHost = RecordText.Copy(outcome.ToHost, outcome.ToHost.FieldNames);
            await _references.ToHostAsync(toHost, _mapper, Describe(remote), _cancellationToken).ConfigureAwait(false);
            work.Entity = entity;
            work.ToHost = toHost;
        }

        if (outcome.ToRemote.Count > 0 && _capabilities.CanUpdate)
        {
            outcome.ToRemote.Id = remote.Id;
            outcome.ToRemote.Version = remote.Version;
            work.ToRemote = outcome.ToRemote;
        }

        work.Agreed = outcome.Agreed;
        work.Conflicts = outcome.Conflicts;
        work.EmptiesLines = outcome.EmptiesLines;
        if (!work.WritesHost && !work.WritesRemote)
        {
            Unchanged(work.Source, echo: false);
        }
    }

    /// <summary>A linked record was deleted on <paramref name="deletedOn"/>: the flow's delete policy says what happens to the other side.</summary>
    private LinkWork<TEntity> Deleted(LinkWork<TEntity> work, StoredLink link, SyncSide deletedOn)
    {
        work.LocalId = link.Link.LocalId;
        work.RemoteId = link.Link.RemoteId;
        work.Unlink = true;
        var other = deletedOn == SyncSide.Local ? SyncSide.Remote : SyncSide.Local;
        switch (_options.Deletes)
        {
            case DeletePolicy.Propagate when other == SyncSide.Local || _capabilities.CanDelete:
                work.Deletes = other;
                break;
            case DeletePolicy.SoftDelete when other == SyncSide.Local:
                work.Deletes = other;
                work.SoftDelete = _hostSoftDelete is not null
                    ? true
                    : throw new InvalidOperationException(
                        $"{Name} soft-deletes host records, but the host store of {_definition.Name} does not implement IHostSoftDelete<{_definition.Name}>.");
                break;
            case DeletePolicy.SoftDelete:
                var field = _options.SoftDeleteField
                    ?? throw new InvalidOperationException($"{Name} soft-deletes remote records but names no SoftDeleteField.");
                work.Deletes = other;
                work.SoftDelete = true;
                work.ToRemote = new SyncRecord(_mapper.Target.Type, link.Link.RemoteId) { [field] = SoftDeleteValue(_options.SoftDeleteValue) };
                break;
        }

        return work;
    }

    private static SyncValue SoftDeleteValue(string? text) =>
        text is null ? SyncValue.Null
        : bool.TryParse(text, out var flag) ? SyncValue.From(flag)
        : decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number) ? SyncValue.From(number)
        : SyncValue.From(text);

    /// <summary>
    /// Marks a match as a new link: created by sync when an interrupted create of ours made the record, else matched on
    /// the key, whose value in <paramref name="record"/> the link keeps.
    /// </summary>
    private static void Link(LinkWork<TEntity> work, PendingCreate? intent, string? key, SyncRecord record)
    {
        work.Intent = intent;
        work.NewLink = intent is null ? SyncLinkProvenance.MatchedOnKey : SyncLinkProvenance.CreatedBySync;
        work.MatchKey = intent is null ? key : null;
        work.MatchValue = work.MatchKey is { } matched ? SyncMatchValue.Of(record, matched) : null;
    }

    private LinkWork<TEntity> Ambiguous<T>(LinkWork<TEntity> work, Match<T> match, SyncRecord record)
    {
        var who = work.Source == SyncSide.Local ? Owner(work.SourceId) : Describe(record);
        work.Error = match.Taken
            ? $"{who} matches {string.Join(", ", match.Ids)} by {match.Key}, which is linked to another record already; the match is not linked automatically. Check the records and link them by hand."
            : $"{who} matches {match.Candidates} records by {match.Key} ({string.Join(", ", match.Ids.Take(5))}); an ambiguous match is never linked automatically. Link it by hand.";
        work.Payload = RecordText.Of(record);
        return work;
    }

    private static LinkWork<TEntity> Fail(LinkWork<TEntity> work, Exception error, string? payload)
    {
        work.Error = error.Message;
        work.Payload = payload;
        work.RetryNextCycle = error is SyncReferenceException;
        return work;
    }

    /// <summary>
    /// The fast path: a side's record that reads as it did last time, or as the engine last wrote it (an echo), has
    /// nothing new in its mapped fields.
    /// </summary>
    private bool IsUnchanged(SyncSide side, SyncFingerprint print, string? lastRead, string? lastWritten)
    {
        if (!ReadsAsBefore(print, lastRead, lastWritten))
        {
            return false;
        }

        Unchanged(side, echo: print.Matches(lastWritten));
        return true;
    }

    /// <summary>Whether a side's fingerprint is what it was last read as or last written as (compared with the stored texts as they are: no allocation).</summary>
    private static bool ReadsAsBefore(SyncFingerprint print, string? lastRead, string? lastWritten) =>
        print.Matches(lastWritten) || print.Matches(lastRead);

    /// <summary>
    /// Whether the link has an agreed state (a link made by hand has none until its first merge): only then may a side
    /// that reads as before be passed over. Its text is parsed only for a merge.
    /// </summary>
    private static bool HasAgreedState(StoredLink link) => !string.IsNullOrEmpty(link.Fingerprints.Agreed);

    private void Unchanged(SyncSide side, bool echo)
    {
        Report.Unchanged++;
        if (echo)
        {
            _context.Metrics.Echo(_tags, side);
        }
    }

    /// <summary>The host entity in the remote shape with references translated to remote ids: what is compared and sent.</summary>
    private async Task<SyncRecord> HostShapeAsync(TEntity entity, string owner)
    {
        var record = _mapper.ToRecord(entity);
        await _references.ToRemoteAsync(record, _mapper, owner, _cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>
    /// How an interrupted create's record is recognised: the type's natural key where the API has one, else the
    /// record's plain shared fields (no references, no children) as one key.
    /// </summary>
    private string ContentOf(SyncRecord record)
    {
        if (_capabilities.NaturalKey is { Count: > 0 } naturalKey)
        {
            return string.Join("|", naturalKey.Select(field => SyncMatchValue.Of(record, field) ?? "-"));
        }

        var references = _mapper.References.Select(reference => reference.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return string.Join("|", _fields
            .Where(field => field.Direction == FieldDirection.Both && field.IsScalar && !references.Contains(field.Name))
            .Select(field => field.Token(record) ?? "-"));
    }

    private string? SafePayload(TEntity entity)
    {
        try
        {
            return RecordText.Of(_mapper.ToRecord(entity));
        }
        catch (Exception error) when (StopErrors.IsBadRecord(error))
        {
            return null;
        }
    }

    private string Owner(string localId) => $"{_definition.Name} '{localId}'";

    private string Describe(SyncRecord record) => $"{_mapper.Target} '{record.Id}'";

    /// <summary>The outcome of a match-key lookup: the one match, or how many candidates there were.</summary>
    private sealed record Match<T>(T? Record, string? Key, int Candidates, IReadOnlyList<string> Ids)
    {
        /// <summary>The one candidate is linked to another record already.</summary>
        public bool Taken { get; init; }

        public static Match<T> None { get; } = new(default, null, 0, []);
    }
}
