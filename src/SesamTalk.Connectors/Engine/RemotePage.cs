using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// A page of remote records resolved for routing: the page's links (one query), how its unlinked records match host
/// records (<see cref="HostMatches"/>), each linked record's fingerprint, and the host records routing needs (those of
/// the linked records that changed and of the match candidates), read together before the first decision.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
internal sealed class RemotePage<TEntity>
    where TEntity : class
{
    private readonly IReadOnlyDictionary<string, SyncFingerprint> _prints;
    private readonly IReadOnlyDictionary<string, TEntity> _hosts;

    public RemotePage(
        IReadOnlyDictionary<string, StoredLink> links,
        HostMatches matches,
        IReadOnlyDictionary<string, SyncFingerprint> prints,
        IReadOnlyDictionary<string, TEntity> hosts)
    {
        Links = links;
        Matches = matches;
        _prints = prints;
        _hosts = hosts;
    }

    /// <summary>The page's links, by remote id.</summary>
    public IReadOnlyDictionary<string, StoredLink> Links { get; }

    /// <summary>How the page's unlinked records match host records.</summary>
    public HostMatches Matches { get; }

    /// <summary>The fingerprint of the linked record <paramref name="remoteId"/>, computed when the page was resolved.</summary>
    public SyncFingerprint PrintOf(string remoteId) => _prints[remoteId];

    /// <summary>
    /// The host record <paramref name="localId"/> as the page read it; null when the host has no such record (deleted
    /// there). The page reads every host record routing can ask for.
    /// </summary>
    public TEntity? HostOf(string localId) => _hosts.GetValueOrDefault(localId);
}
