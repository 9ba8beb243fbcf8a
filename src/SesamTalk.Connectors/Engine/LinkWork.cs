using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// What a cycle decided for one record: the writes on either side, the link to save or drop, and the state to store
/// once the writes went through. Decided first, then (unless planning) executed and committed with its page.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
internal sealed class LinkWork<TEntity>
    where TEntity : class
{
    /// <summary>Starts the execution of <paramref name="decision"/>: what it writes, and the state it leaves once written.</summary>
    public LinkWork(RecordDecision decision)
    {
        Source = decision.Source;
        SourceId = decision.SourceId;
        IsMassChange = decision.IsMassChange;
        switch (decision)
        {
            case MergeDecision<TEntity> merge:
                LocalId = merge.LocalId;
                RemoteId = merge.RemoteId;
                RemoteRecord = merge.Remote;
                Previous = merge.Previous;
                Entity = merge.Entity;
                ToHost = merge.ToHost;
                ToRemote = merge.ToRemote;
                Agreed = merge.Agreed;
                Conflicts = merge.Conflicts;
                LocalPrint = merge.LocalPrint;
                RemotePrint = merge.RemotePrint;
                NewLink = merge.Link?.Provenance;
                MatchKey = merge.Link?.MatchKey;
                MatchValue = merge.Link?.MatchValue;
                Intent = merge.Link?.Intent;
                break;
            case CreateHostDecision create:
                RemoteId = create.SourceId;
                RemoteRecord = create.Remote;
                ToHost = create.ToHost;
                CreatesHost = true;
                NewLink = SyncLinkProvenance.CreatedBySync;
                Intent = create.Intent;
                RemotePrint = create.RemotePrint;
                break;
            case CreateRemoteDecision create:
                LocalId = create.SourceId;
                ToRemote = create.Create;
                RemoteRecord = create.Create;
                CreatesRemote = true;
                NewLink = SyncLinkProvenance.CreatedBySync;
                Intent = create.Intent;
                Agreed = create.Agreed;
                LocalPrint = create.LocalPrint;
                break;
            case DeleteDecision delete:
                LocalId = delete.LocalId;
                RemoteId = delete.RemoteId;
                Unlink = true;
                Deletes = delete.Side;
                SoftDelete = delete.Soft;
                ToRemote = delete.SoftDeleteWrite;
                break;
            case UnlinkDecision unlink:
                LocalId = unlink.LocalId;
                RemoteId = unlink.RemoteId;
                Unlink = true;
                break;
            case QuarantineDecision quarantine:
                (LocalId, RemoteId) = quarantine.Source == SyncSide.Local ? (quarantine.SourceId, quarantine.OtherId) : (quarantine.OtherId, quarantine.SourceId);
                Error = quarantine.Error;
                Payload = quarantine.Payload;
                RetryNextCycle = quarantine.RetryNextCycle;
                break;
            default:
                throw new ArgumentException($"A {decision.GetType().Name} writes nothing: it is not executed.", nameof(decision));
        }
    }

    /// <summary>The side whose change led here.</summary>
    public SyncSide Source { get; }

    /// <summary>The id of the changed record on <see cref="Source"/>.</summary>
    public string SourceId { get; }

    /// <summary>The host record's id (null until a host create saved it).</summary>
    public string? LocalId { get; set; }

    /// <summary>The remote record's id (null until a remote create made it).</summary>
    public string? RemoteId { get; set; }

    /// <summary>The remote record as read (or as sent, for a remote create).</summary>
    public SyncRecord? RemoteRecord { get; set; }

    /// <summary>The remote record as the system stored it after the work's write (its answer, or read back), when known.</summary>
    public SyncRecord? Stored { get; set; }

    /// <summary>The link's fingerprints before this cycle, or null for a new link.</summary>
    public LinkFingerprints? Previous { get; set; }

    /// <summary>The host record to save (created or updated), with <see cref="ToHost"/> applied at execution.</summary>
    public TEntity? Entity { get; set; }

    /// <summary>The fields to copy onto <see cref="Entity"/>, references already host ids.</summary>
    public SyncRecord? ToHost { get; set; }

    /// <summary>Whether the host record is new.</summary>
    public bool CreatesHost { get; set; }

    /// <summary>The remote record to create, or the fields to update (with <see cref="SyncRecord.Id"/>).</summary>
    public SyncRecord? ToRemote { get; set; }

    /// <summary>Whether <see cref="ToRemote"/> is a create.</summary>
    public bool CreatesRemote { get; set; }

    /// <summary>The side whose record is deleted (or soft-deleted), if any.</summary>
    public SyncSide? Deletes { get; set; }

    /// <summary>Whether the delete is a soft delete.</summary>
    public bool SoftDelete { get; set; }

    /// <summary>A new link's provenance, when the work makes a link.</summary>
    public SyncLinkProvenance? NewLink { get; set; }

    /// <summary>The match key a new link was made on.</summary>
    public string? MatchKey { get; set; }

    /// <summary>The match key's value (normalised) a new link was made on.</summary>
    public string? MatchValue { get; set; }

    /// <summary>Whether the link is dropped.</summary>
    public bool Unlink { get; set; }

    /// <summary>The intent of a create, recorded before the write and completed with the link.</summary>
    public PendingCreate? Intent { get; set; }

    /// <summary>The agreed state to store after the writes.</summary>
    public AgreedState? Agreed { get; set; }

    /// <summary>The host record's fingerprint as read (or as written, when the work writes the host).</summary>
    public string? LocalPrint { get; set; }

    /// <summary>The remote record's fingerprint as read.</summary>
    public string? RemotePrint { get; set; }

    /// <summary>Whether the work wrote the host record.</summary>
    public bool HostWritten { get; set; }

    /// <summary>Whether the work wrote the remote record.</summary>
    public bool RemoteWritten { get; set; }

    /// <summary>Fields both sides changed.</summary>
    public IReadOnlyList<MergeConflict> Conflicts { get; set; } = [];

    /// <summary>Why the work failed (it is then quarantined and nothing of it is committed).</summary>
    public string? Error { get; set; }

    /// <summary>Whether a failed record is released for the next cycle at once (it named a record that may be linked by then).</summary>
    public bool RetryNextCycle { get; set; }

    /// <summary>The record as read, kept with a quarantine entry.</summary>
    public string? Payload { get; set; }

    /// <summary>Whether committing the work saves a new link.</summary>
    public bool SavesNewLink => Error is null && !Unlink && NewLink is not null && LocalId is not null && RemoteId is not null && Agreed is not null;

    /// <summary>Whether the work writes to the host.</summary>
    public bool WritesHost => CreatesHost || ToHost is { Count: > 0 } || Deletes == SyncSide.Local;

    /// <summary>Whether the work writes to the remote system.</summary>
    public bool WritesRemote => ToRemote is { Count: > 0 } || CreatesRemote || Deletes == SyncSide.Remote;

    /// <summary>Whether the decision counts against the mass-change breaker (<see cref="RecordDecision.IsMassChange"/>).</summary>
    public bool IsMassChange { get; }
}
