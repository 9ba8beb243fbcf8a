namespace SesamTalk;

/// <summary>A link between a host record and a remote record, with its provenance.</summary>
public sealed class SyncLink
{
    /// <summary>Creates the link.</summary>
    /// <param name="entity">The host entity's name.</param>
    /// <param name="localId">The host id.</param>
    /// <param name="target">The remote (system, type).</param>
    /// <param name="remoteId">The remote id.</param>
    /// <param name="provenance">How the link came about.</param>
    /// <param name="matchKey">The match key field, when <paramref name="provenance"/> is <see cref="SyncLinkProvenance.MatchedOnKey"/>.</param>
    /// <param name="linkedAt">When the link was made (UTC).</param>
    public SyncLink(string entity, string localId, SyncTarget target, string remoteId, SyncLinkProvenance provenance, string? matchKey, DateTimeOffset linkedAt)
    {
        Entity = entity;
        LocalId = localId;
        Target = target;
        RemoteId = remoteId;
        Provenance = provenance;
        MatchKey = matchKey;
        LinkedAt = linkedAt;
    }

    /// <summary>The host entity's name.</summary>
    public string Entity { get; }

    /// <summary>The host id.</summary>
    public string LocalId { get; }

    /// <summary>The remote (system, type).</summary>
    public SyncTarget Target { get; }

    /// <summary>The remote id.</summary>
    public string RemoteId { get; }

    /// <summary>How the link came about.</summary>
    public SyncLinkProvenance Provenance { get; }

    /// <summary>The match key field the link was made on, if any.</summary>
    public string? MatchKey { get; }

    /// <summary>The value the link was matched on, in its comparable form (<see cref="SyncMatchValue.Normalise"/>), if any.</summary>
    public string? MatchValue { get; init; }

    /// <summary>When the link was made (UTC).</summary>
    public DateTimeOffset LinkedAt { get; }
}
