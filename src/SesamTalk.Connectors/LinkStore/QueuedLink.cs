namespace SesamTalk.Connectors.LinkStore;

/// <summary>A link a commit saves, with the fingerprints saved right after it in the same commit, when there were any.</summary>
public sealed class QueuedLink
{
    /// <summary>Creates the queued link.</summary>
    /// <param name="link">The link.</param>
    public QueuedLink(SyncLink link) => Link = link;

    /// <summary>The link.</summary>
    public SyncLink Link { get; }

    /// <summary>The fingerprints saved with it, or <see langword="null"/>.</summary>
    public LinkFingerprints? Fingerprints { get; internal set; }
}

/// <summary>A fingerprint update a commit makes to a link saved before.</summary>
/// <param name="Flow">The flow.</param>
/// <param name="LocalId">The host record's id.</param>
/// <param name="Fingerprints">The fingerprints and agreed state.</param>
public sealed record QueuedFingerprints(SyncFlowId Flow, string LocalId, LinkFingerprints Fingerprints);
