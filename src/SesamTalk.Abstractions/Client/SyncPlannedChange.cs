namespace SesamTalk;

/// <summary>One write a cycle would make.</summary>
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
    public SyncPlannedChange(string entity, SyncTarget target, SyncSide side, SyncChangeKind kind, string? localId, string? remoteId, IReadOnlyList<string> fields)
    {
        Entity = entity;
        Target = target;
        Side = side;
        Kind = kind;
        LocalId = localId;
        RemoteId = remoteId;
        Fields = fields;
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
}
