using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// What a cycle decided for one changed record (<see cref="RecordDecider{TEntity}"/>), before anything is written: a closed set
/// of kinds, each carrying exactly what executing it needs. What execution learns later (the id a create got, the
/// record the system stored, a refused write) is kept apart from the decision, which never changes.
/// </summary>
/// <param name="Source">The side whose change led here.</param>
/// <param name="SourceId">The id of the changed record on <paramref name="Source"/>.</param>
internal abstract record RecordDecision(SyncSide Source, string SourceId)
{
    /// <summary>
    /// Whether the decision overwrites or deletes a linked record, or removes all its lines: what the mass-change breaker
    /// counts. A pair linked on first contact is not counted: it was not linked, so its first merge overwrites no link.
    /// </summary>
    public virtual bool IsMassChange => false;

    /// <summary>The host and remote ids the decision knows before anything is written (a new record has none yet).</summary>
    public virtual (string? Local, string? Remote) Ids => Source == SyncSide.Local ? (SourceId, null) : (null, SourceId);
}

/// <summary>The record reads as it did last time, or as the engine last wrote it (an echo): nothing to do.</summary>
/// <param name="Source">The side whose record was read.</param>
/// <param name="SourceId">Its id.</param>
/// <param name="Echo">Whether it reads as the engine last wrote it.</param>
internal sealed record UnchangedDecision(SyncSide Source, string SourceId, bool Echo) : RecordDecision(Source, SourceId);

/// <summary>A link a decision makes: how the pair was found, and the intent of an interrupted create that made it.</summary>
/// <param name="Provenance">Created by sync (an interrupted create of ours made the record) or matched on a key.</param>
/// <param name="MatchKey">The match key the pair was found by (null for a create).</param>
/// <param name="MatchValue">The match key's value (normalised), kept with the link.</param>
/// <param name="Intent">The open intent the link completes, when a create made the record.</param>
internal sealed record NewLink(SyncLinkProvenance Provenance, string? MatchKey, string? MatchValue, PendingCreate? Intent);

/// <summary>
/// A linked (or just matched) pair merged field by field: what each side is sent, the conflicts, and the state both hold
/// afterwards. A merge that writes nothing still stores the fingerprints and agreed state it read.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
internal sealed record MergeDecision<TEntity> : RecordDecision
    where TEntity : class
{
    /// <summary>Creates the decision; see the properties.</summary>
    public MergeDecision(SyncSide source, string sourceId, string localId, string remoteId)
        : base(source, sourceId)
    {
        LocalId = localId;
        RemoteId = remoteId;
    }

    /// <summary>The host record's id.</summary>
    public string LocalId { get; }

    /// <summary>The remote record's id.</summary>
    public string RemoteId { get; }

    /// <summary>The host entity the <see cref="ToHost"/> fields are copied onto.</summary>
    public required TEntity Entity { get; init; }

    /// <summary>
    /// The remote record as the feed or a match read it; null for a host change of a pair linked before, which reads
    /// the remote record at most to merge a link made by hand.
    /// </summary>
    public SyncRecord? Remote { get; init; }

    /// <summary>The link's fingerprints before this cycle, or null for a new link.</summary>
    public LinkFingerprints? Previous { get; init; }

    /// <summary>The link this merge makes, or null for a pair linked before.</summary>
    public NewLink? Link { get; init; }

    /// <summary>The fields to copy onto the host record (references as host ids once resolved), or null.</summary>
    public SyncRecord? ToHost { get; init; }

    /// <summary>The fields to update remotely (with the record's id and version), or null.</summary>
    public SyncRecord? ToRemote { get; init; }

    /// <summary>The state both sides hold once the writes are done.</summary>
    public required AgreedState Agreed { get; init; }

    /// <summary>Fields both sides changed to different values, with the side that won.</summary>
    public IReadOnlyList<MergeConflict> Conflicts { get; init; } = [];

    /// <summary>Whether the merge leaves a record that had lines with none.</summary>
    public bool EmptiesLines { get; init; }

    /// <summary>The host record's fingerprint as read.</summary>
    public required string LocalPrint { get; init; }

    /// <summary>The remote record's fingerprint as read, or null when it was not read.</summary>
    public string? RemotePrint { get; init; }

    /// <summary>Whether the merge writes to either side.</summary>
    public bool Writes => ToHost is { Count: > 0 } || ToRemote is { Count: > 0 };

    /// <inheritdoc />
    public override bool IsMassChange => Link is null && (EmptiesLines || Writes);

    /// <inheritdoc />
    public override (string? Local, string? Remote) Ids => (LocalId, RemoteId);
}

/// <summary>A remote record with no counterpart becomes a new host record, linked as created by sync.</summary>
/// <param name="SourceId">The remote record's id.</param>
/// <param name="Remote">The remote record as read.</param>
/// <param name="ToHost">The fields to copy onto the new host record (references as host ids once resolved).</param>
/// <param name="RemotePrint">The remote record's fingerprint as read.</param>
/// <param name="Intent">The open intent of an interrupted create of this record, if any.</param>
internal sealed record CreateHostDecision(string SourceId, SyncRecord Remote, SyncRecord ToHost, string RemotePrint, PendingCreate? Intent)
    : RecordDecision(SyncSide.Remote, SourceId);

/// <summary>A host record with no counterpart becomes a new remote record, linked as created by sync.</summary>
/// <param name="SourceId">The host record's id.</param>
/// <param name="Create">The record to create: the createable fields the host sends, and the constants.</param>
/// <param name="Agreed">The state both sides hold once it is created.</param>
/// <param name="LocalPrint">The host record's fingerprint as read.</param>
/// <param name="Intent">The open intent of an interrupted create of this record, if any.</param>
internal sealed record CreateRemoteDecision(string SourceId, SyncRecord Create, AgreedState Agreed, string LocalPrint, PendingCreate? Intent)
    : RecordDecision(SyncSide.Local, SourceId);

/// <summary>
/// A linked record was deleted on one side: the other side's record is deleted (or marked deleted) and the link dropped.
/// </summary>
/// <param name="Source">The side the record was deleted on.</param>
/// <param name="SourceId">The deleted record's id.</param>
/// <param name="LocalId">The host record's id.</param>
/// <param name="RemoteId">The remote record's id.</param>
/// <param name="Side">The side whose record is deleted now.</param>
/// <param name="SoftDeleteWrite">For a remote soft delete, the field update that marks it deleted; null otherwise.</param>
/// <param name="Soft">Whether the delete is a soft delete.</param>
internal sealed record DeleteDecision(SyncSide Source, string SourceId, string LocalId, string RemoteId, SyncSide Side, bool Soft, SyncRecord? SoftDeleteWrite)
    : RecordDecision(Source, SourceId)
{
    /// <inheritdoc />
    public override bool IsMassChange => true;

    /// <inheritdoc />
    public override (string? Local, string? Remote) Ids => (LocalId, RemoteId);
}

/// <summary>A linked record was deleted on one side and the delete policy leaves the other alone: only the link goes.</summary>
/// <param name="Source">The side the record was deleted on.</param>
/// <param name="SourceId">The deleted record's id.</param>
/// <param name="LocalId">The host record's id.</param>
/// <param name="RemoteId">The remote record's id.</param>
internal sealed record UnlinkDecision(SyncSide Source, string SourceId, string LocalId, string RemoteId) : RecordDecision(Source, SourceId)
{
    /// <inheritdoc />
    public override (string? Local, string? Remote) Ids => (LocalId, RemoteId);
}

/// <summary>The record cannot be synced as it is: it is set aside with the reason, which names the record and the field.</summary>
/// <param name="Source">The side of the record.</param>
/// <param name="SourceId">Its id.</param>
/// <param name="Error">Why, naming the record (and the field, where one is to blame).</param>
/// <param name="Payload">The record as read, kept with the quarantine entry.</param>
/// <param name="RetryNextCycle">Whether it is released for the next cycle at once (it named a record that may be linked by then).</param>
internal sealed record QuarantineDecision(SyncSide Source, string SourceId, string Error, string? Payload, bool RetryNextCycle)
    : RecordDecision(Source, SourceId)
{
    /// <summary>The counterpart's id on the other side, when the record is linked (a dry run lists it with the entry).</summary>
    public string? OtherId { get; init; }

    /// <inheritdoc />
    public override (string? Local, string? Remote) Ids => Source == SyncSide.Local ? (SourceId, OtherId) : (OtherId, SourceId);
}
