using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// One decision (<see cref="RecordDecision"/>) being executed: what it writes, read from the decision, and what
/// execution learns (the id a create got, the record the system stored, the state to commit, a refused write), which
/// only the execution sets. Executed and committed with its unit.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
internal sealed class LinkWork<TEntity>
    where TEntity : class
{
    private readonly RecordDecision _decision;

    /// <summary>Starts the execution of <paramref name="decision"/>: what it writes, and the state it leaves once written.</summary>
    public LinkWork(RecordDecision decision)
    {
        _decision = decision;
        if (decision is UnchangedDecision)
        {
            throw new ArgumentException("An unchanged record writes nothing: it is not executed.", nameof(decision));
        }

        (LocalId, RemoteId) = decision.Ids;
        (Entity, Agreed, LocalPrint, ToRemote) = decision switch
        {
            MergeDecision<TEntity> merge => (merge.Entity, merge.Agreed, merge.LocalPrint, merge.ToRemote),
            CreateRemoteDecision create => (null, create.Agreed, create.LocalPrint, create.Create),
            DeleteDecision delete => (null, null, null, delete.SoftDeleteWrite),
            _ => ((TEntity?)null, (AgreedState?)null, (string?)null, (SyncRecord?)null),
        };

        // The state waits through the unit's writes (an ingest job's upload, polls and results) as the bytes it is committed as.
        Agreed?.Pack();

        Intent = decision switch
        {
            MergeDecision<TEntity> merge => merge.Link?.Intent,
            CreateHostDecision create => create.Intent,
            CreateRemoteDecision create => create.Intent,
            _ => null,
        };
        if (decision is QuarantineDecision failed)
        {
            Fail(failed.Error, failed.Payload, failed.RetryNextCycle);
        }
    }

    /// <summary>The side whose change led here.</summary>
    public SyncSide Source => _decision.Source;

    /// <summary>The id of the changed record on <see cref="Source"/>.</summary>
    public string SourceId => _decision.SourceId;

    /// <summary>The remote record as read (or as sent, for a remote create).</summary>
    public SyncRecord? RemoteRecord => _decision switch
    {
        MergeDecision<TEntity> merge => merge.Remote,
        CreateHostDecision create => create.Remote,
        CreateRemoteDecision create => create.Create,
        _ => null,
    };

    /// <summary>The link's fingerprints before this cycle, or null for a new link.</summary>
    public LinkFingerprints? Previous => (_decision as MergeDecision<TEntity>)?.Previous;

    /// <summary>The fields to copy onto <see cref="Entity"/>, references as host ids.</summary>
    public SyncRecord? ToHost => _decision switch
    {
        MergeDecision<TEntity> merge => merge.ToHost,
        CreateHostDecision create => create.ToHost,
        _ => null,
    };

    /// <summary>Whether the host record is new.</summary>
    public bool CreatesHost => _decision is CreateHostDecision;

    /// <summary>
    /// The remote record to create, or the fields to update (with <see cref="SyncRecord.Id"/>); an update's lines get
    /// the ids of the remote lines they are before it is sent (<see cref="IdentifyLines"/>).
    /// </summary>
    public SyncRecord? ToRemote { get; private set; }

    /// <summary>Whether <see cref="ToRemote"/> is a create.</summary>
    public bool CreatesRemote => _decision is CreateRemoteDecision;

    /// <summary>The side whose record is deleted (or soft-deleted), if any.</summary>
    public SyncSide? Deletes => (_decision as DeleteDecision)?.Side;

    /// <summary>Whether the delete is a soft delete.</summary>
    public bool SoftDelete => _decision is DeleteDecision { Soft: true };

    /// <summary>A new link's provenance, when the work makes a link.</summary>
    public SyncLinkProvenance? NewLink => _decision switch
    {
        MergeDecision<TEntity> merge => merge.Link?.Provenance,
        CreateHostDecision or CreateRemoteDecision => SyncLinkProvenance.CreatedBySync,
        _ => null,
    };

    /// <summary>The match key a new link was made on, and its value (normalised).</summary>
    public (string? Key, string? Value) Matched => (_decision as MergeDecision<TEntity>)?.Link is { } link ? (link.MatchKey, link.MatchValue) : (null, null);

    /// <summary>Whether the link is dropped.</summary>
    public bool Unlink => _decision is DeleteDecision or UnlinkDecision;

    /// <summary>The remote record's fingerprint as read.</summary>
    public string? RemotePrint => _decision switch
    {
        MergeDecision<TEntity> merge => merge.RemotePrint,
        CreateHostDecision create => create.RemotePrint,
        _ => null,
    };

    /// <summary>Fields both sides changed.</summary>
    public IReadOnlyList<MergeConflict> Conflicts => (_decision as MergeDecision<TEntity>)?.Conflicts ?? [];

    /// <summary>The host record's id (set by the save of a host create).</summary>
    public string? LocalId { get; set; }

    /// <summary>The remote record's id (set by a remote create).</summary>
    public string? RemoteId { get; set; }

    /// <summary>The host record to save: the one merged, or a new one for a host create.</summary>
    public TEntity? Entity { get; set; }

    /// <summary>The intent of a create, recorded before the write and completed with the link.</summary>
    public PendingCreate? Intent { get; set; }

    /// <summary>The agreed state to store after the writes (observed by a host create; the stored forms laid over it).</summary>
    public AgreedState? Agreed { get; set; }

    /// <summary>The host record's fingerprint as read, or as written when the work wrote the host.</summary>
    public string? LocalPrint { get; set; }

    /// <summary>
    /// What the remote record reads as after the work's write (its echo), taken once the write is answered: the record
    /// the system stored is not kept for the commit.
    /// </summary>
    public string? RemoteWrittenPrint { get; set; }

    /// <summary>Whether the work wrote the host record.</summary>
    public bool HostWritten { get; set; }

    /// <summary>Whether the work wrote the remote record.</summary>
    public bool RemoteWritten { get; set; }

    /// <summary>Why the work failed (it is then quarantined and nothing of it is committed).</summary>
    public string? Error { get; private set; }

    /// <summary>Whether a failed record is released for the next cycle at once (it named a record that may be linked by then).</summary>
    public bool RetryNextCycle { get; private set; }

    /// <summary>The record as read, kept with a quarantine entry.</summary>
    public string? Payload { get; private set; }

    /// <summary>Whether committing the work saves a new link.</summary>
    public bool SavesNewLink => Error is null && !Unlink && NewLink is not null && LocalId is not null && RemoteId is not null && Agreed is not null;

    /// <summary>Whether the work writes to the host.</summary>
    public bool WritesHost => CreatesHost || ToHost is { Count: > 0 } || Deletes == SyncSide.Local;

    /// <summary>Marks the work failed: it is quarantined with <paramref name="error"/> and nothing of it is committed.</summary>
    public void Fail(string error, string? payload, bool retryNextCycle = false)
    {
        Error = error;
        Payload = payload;
        RetryNextCycle = retryNextCycle;
    }

    /// <summary>
    /// Sends <paramref name="lines"/> as the update's <paramref name="field"/>: the decided lines with the remote ids
    /// they pair with, in a copy of the update (the decision keeps what it decided).
    /// </summary>
    public void IdentifyLines(string field, IReadOnlyList<SyncRecord> lines)
    {
        var decided = ToRemote!;
        var update = new SyncRecord(decided.Type, decided.Id) { ModifiedAt = decided.ModifiedAt, Version = decided.Version };
        foreach (var (name, value) in decided)
        {
            update[name] = value;
        }

        update[field] = SyncValue.From(lines);
        ToRemote = update;
    }
}
