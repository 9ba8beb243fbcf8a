namespace SesamTalk;

/// <summary>
/// One write a cycle would make. Each field a cycle would write on a side is listed once: a field both sides changed
/// is a <see cref="SyncChangeKind.Conflict"/> entry (with its <see cref="Winner"/>) and is left out of the
/// <see cref="SyncChangeKind.Update"/> entry of that side.
/// </summary>
public sealed class SyncPlannedChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="entity">The host entity's name.</param>
    /// <param name="target">The remote (system, type) of the flow.</param>
    /// <param name="side">Where the write would happen.</param>
    /// <param name="kind">What kind of write.</param>
    /// <param name="localId">The host id, if the host record exists.</param>
    /// <param name="remoteId">The remote id, if the remote record exists.</param>
    /// <param name="fields">The remote fields that would change.</param>
    /// <param name="winner">For a conflict, the side whose value wins; else <see langword="null"/>.</param>
    public SyncPlannedChange(string entity, SyncTarget target, SyncSide side, SyncChangeKind kind, string? localId, string? remoteId, IReadOnlyList<string> fields, SyncSide? winner = null)
    {
        Entity = entity;
        Target = target;
        Side = side;
        Kind = kind;
        LocalId = localId;
        RemoteId = remoteId;
        Fields = fields;
        Winner = winner;
    }

    /// <summary>The host entity's name.</summary>
    public string Entity { get; }

    /// <summary>The remote (system, type) of the flow.</summary>
    public SyncTarget Target { get; }

    /// <summary>Where the write would happen.</summary>
    public SyncSide Side { get; }

    /// <summary>What kind of write.</summary>
    public SyncChangeKind Kind { get; }

    /// <summary>The host id, if the host record exists.</summary>
    public string? LocalId { get; }

    /// <summary>The remote id, if the remote record exists.</summary>
    public string? RemoteId { get; }

    /// <summary>The remote fields that would change.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>
    /// For a <see cref="SyncChangeKind.Conflict"/>, the side whose value wins (its value is written on
    /// <see cref="Side"/>, the other one); <see langword="null"/> for every other kind.
    /// </summary>
    public SyncSide? Winner { get; }
}
