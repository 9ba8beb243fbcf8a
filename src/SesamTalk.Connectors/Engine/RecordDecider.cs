using System.Globalization;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The decide stage of a cycle as pure functions: from what was read and resolved for one record (the record, its
/// counterpart, its stored link, the flow's rules) to an immutable <see cref="RecordDecision"/>. No I/O and no state:
/// the same inputs always give the same decision, which a cycle executes and a dry run lists.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
/// <param name="rules">The flow's rules.</param>
internal sealed class RecordDecider<TEntity>(DecideRules rules)
    where TEntity : class
{
    private readonly IEntityMapper _mapper = rules.Mapper;
    private readonly IReadOnlyList<MergeField> _fields = rules.Fields;

    /// <summary>
    /// The fast path: a linked side's record that reads as it did last time, or as the engine last wrote it (an echo),
    /// has nothing new in its mapped fields. Null when it must be merged (it changed, or the link, made by hand, has no
    /// agreed state yet).
    /// </summary>
    /// <param name="side">The side that was read.</param>
    /// <param name="sourceId">The record's id on that side.</param>
    /// <param name="print">Its fingerprint as read.</param>
    /// <param name="link">Its stored link.</param>
    public static UnchangedDecision? Unchanged(SyncSide side, string sourceId, SyncFingerprint print, StoredLink link)
    {
        var (read, written) = side == SyncSide.Local
            ? (link.Fingerprints.LocalRead, link.Fingerprints.LocalWritten)
            : (link.Fingerprints.RemoteRead, link.Fingerprints.RemoteWritten);
        return HasAgreedState(link) && ReadsAsBefore(print, read, written)
            ? new UnchangedDecision(side, sourceId, Echo: print.Matches(written))
            : null;
    }

    /// <summary>
    /// Merges a linked (or just matched) pair field by field (<see cref="FieldMerge"/>). The host fields come with the
    /// remote record's references (to be resolved to host ids) and may share its lines; a remote system that cannot
    /// update is sent nothing.
    /// </summary>
    /// <param name="pair">The pair as read.</param>
    public MergeDecision<TEntity> Merge(MergePair<TEntity> pair)
    {
        var remote = pair.Remote;
        var clock = new MergeClock(pair.HostChangedAt, remote.ModifiedAt);
        var outcome = FieldMerge.Merge(_fields, _mapper.Target.Type, pair.Host, remote, pair.Agreed, clock, rules.FirstContact);
        SyncRecord? toHost = null;
        if (outcome.ToHost.Count > 0)
        {
            outcome.ToHost.Id = remote.Id;
            toHost = outcome.ToHost;
        }

        SyncRecord? toRemote = null;
        if (outcome.ToRemote.Count > 0 && rules.CanUpdate)
        {
            outcome.ToRemote.Id = remote.Id;
            outcome.ToRemote.Version = remote.Version;
            toRemote = outcome.ToRemote;
        }

        return new MergeDecision<TEntity>(pair.Source, pair.SourceId, pair.LocalId, pair.Link?.Link.RemoteId ?? remote.Id!)
        {
            Entity = pair.Entity,

            Remote = pair.Source == SyncSide.Remote || pair.NewLink is not null ? remote : null,
            Previous = pair.Link?.Fingerprints,
            Link = pair.NewLink,
            ToHost = toHost,
            ToRemote = toRemote,
            Agreed = outcome.Agreed,
            Conflicts = outcome.Conflicts,
            EmptiesLines = outcome.EmptiesLines,
            LocalPrint = _mapper.Fingerprint(pair.Host, FieldDirection.ToRemote),
            RemotePrint = remote.Count > 0 ? _mapper.Fingerprint(remote, FieldDirection.FromRemote) : null,
        };
    }

    /// <summary>
    /// The link a match makes: created by sync when an interrupted create of ours made the record, else matched on the
    /// key, whose value in <paramref name="record"/> the link keeps.
    /// </summary>
    /// <param name="intent">The open intent of a create that made the matched record, if any.</param>
    /// <param name="key">The match key the pair was found by.</param>
    /// <param name="record">The record whose key value the link keeps.</param>
    public static NewLink Matched(PendingCreate? intent, string? key, SyncRecord record)
    {
        var matchKey = intent is null ? key : null;
        return new NewLink(
            intent is null ? SyncLinkProvenance.MatchedOnKey : SyncLinkProvenance.CreatedBySync,
            matchKey,
            matchKey is null ? null : SyncMatchValue.Of(record, matchKey),
            intent);
    }

    /// <summary>A linked record was deleted on <paramref name="deletedOn"/>: the flow's delete policy says what happens to the other side.</summary>
    /// <param name="deletedOn">The side the record was deleted on.</param>
    /// <param name="sourceId">The deleted record's id.</param>
    /// <param name="link">The pair's link.</param>
    /// <exception cref="InvalidOperationException">The policy soft-deletes on a side that cannot (no <see cref="IHostSoftDelete{TEntity}"/>, no soft-delete field).</exception>
    public RecordDecision Deleted(SyncSide deletedOn, string sourceId, StoredLink link)
    {
        var (localId, remoteId) = (link.Link.LocalId, link.Link.RemoteId);
        var other = deletedOn == SyncSide.Local ? SyncSide.Remote : SyncSide.Local;
        switch (rules.Deletes)
        {
            case DeletePolicy.Propagate when other == SyncSide.Local || rules.CanDelete:
                return new DeleteDecision(deletedOn, sourceId, localId, remoteId, other, Soft: false, SoftDeleteWrite: null);
            case DeletePolicy.SoftDelete when other == SyncSide.Local:
                return rules.HostSoftDeletes
                    ? new DeleteDecision(deletedOn, sourceId, localId, remoteId, other, Soft: true, SoftDeleteWrite: null)
                    : throw new InvalidOperationException(
                        $"{rules.FlowName} soft-deletes host records, but the host store of {rules.EntityName} does not implement IHostSoftDelete<{rules.EntityName}>.");
            case DeletePolicy.SoftDelete:
                var field = rules.SoftDeleteField
                    ?? throw new InvalidOperationException($"{rules.FlowName} soft-deletes remote records but names no SoftDeleteField.");
                var mark = new SyncRecord(_mapper.Target.Type, remoteId) { [field] = SoftDeleteValue(rules.SoftDeleteValue) };
                return new DeleteDecision(deletedOn, sourceId, localId, remoteId, other, Soft: true, SoftDeleteWrite: mark);
            default:
                return new UnlinkDecision(deletedOn, sourceId, localId, remoteId);
        }
    }

    /// <summary>A remote record with no counterpart becomes a host record: the fields that travel to the host.</summary>
    /// <param name="remote">The remote record as read.</param>
    /// <param name="intent">The open intent of an interrupted create of it, if any.</param>
    public CreateHostDecision CreateHost(SyncRecord remote, PendingCreate? intent)
    {
        var toHost = RecordText.Copy(remote, _fields.Where(field => field.Direction != FieldDirection.ToRemote).Select(field => field.Name));
        return new CreateHostDecision(remote.Id!, remote, toHost, _mapper.Fingerprint(remote, FieldDirection.FromRemote), intent);
    }

    /// <summary>
    /// A host record with no counterpart becomes a remote record: the createable fields the host sends, and the
    /// constants where the host has no value (<see cref="CreateConstants"/>).
    /// </summary>
    /// <param name="localId">The host record's id.</param>
    /// <param name="host">The host record in the remote shape, references as remote ids.</param>
    /// <param name="intent">The open intent of an interrupted create of it, if any.</param>
    public CreateRemoteDecision CreateRemote(string localId, SyncRecord host, PendingCreate? intent)
    {
        var create = new SyncRecord(_mapper.Target.Type);
        foreach (var field in _fields)
        {
            if (field.Direction != FieldDirection.FromRemote && field.Createable && host.TryGetValue(field.Name, out var value))
            {
                create[field.Name] = value;
            }
        }

        CreateConstants.Apply(_mapper, create);
        return new CreateRemoteDecision(localId, create, AgreedState.Observe(_fields, host, create), _mapper.Fingerprint(host, FieldDirection.ToRemote), intent);
    }

    /// <summary>
    /// A record that could not be read, mapped or resolved: set aside with the error, which names the record and the
    /// field. One that names a record not linked yet is tried again next cycle by itself.
    /// </summary>
    /// <param name="side">The record's side.</param>
    /// <param name="sourceId">Its id.</param>
    /// <param name="error">Why it failed (a bad record: <see cref="StopErrors.IsBadRecord"/>).</param>
    /// <param name="payload">The record as read, kept with the quarantine entry.</param>
    public static QuarantineDecision Quarantine(SyncSide side, string sourceId, Exception error, string? payload) =>
        new(side, sourceId, error.Message, payload, RetryNextCycle: error is SyncReferenceException);

    /// <summary>A record whose match key finds several records, or one linked to another record: never linked automatically.</summary>
    /// <param name="side">The record's side.</param>
    /// <param name="sourceId">Its id.</param>
    /// <param name="who">The record as an error names it.</param>
    /// <param name="match">What the match key found.</param>
    /// <param name="payload">The record as read.</param>
    /// <typeparam name="T">What a match is.</typeparam>
    public static QuarantineDecision Ambiguous<T>(SyncSide side, string sourceId, string who, Match<T> match, string payload) =>
        new(side, sourceId, match.Taken
            ? $"{who} matches {string.Join(", ", match.Ids)} by {match.Key}, which is linked to another record already; the match is not linked automatically. Check the records and link them by hand."
            : $"{who} matches {match.Candidates} records by {match.Key} ({string.Join(", ", match.Ids.Take(5))}); an ambiguous match is never linked automatically. Link it by hand.",
            payload,
            RetryNextCycle: false);

    /// <summary>Whether a side's fingerprint is what it was last read as or last written as (compared with the stored texts as they are: no allocation).</summary>
    public static bool ReadsAsBefore(SyncFingerprint print, string? lastRead, string? lastWritten) =>
        print.Matches(lastWritten) || print.Matches(lastRead);

    /// <summary>
    /// Whether the link has an agreed state (a link made by hand has none until its first merge): only then may a side
    /// that reads as before be passed over. Its text is parsed only for a merge.
    /// </summary>
    public static bool HasAgreedState(StoredLink link) => !string.IsNullOrEmpty(link.Fingerprints.Agreed);

    private static SyncValue SoftDeleteValue(string? text) =>
        text is null ? SyncValue.Null
        : bool.TryParse(text, out var flag) ? SyncValue.From(flag)
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? SyncValue.From(number)
        : SyncValue.From(text);
}
