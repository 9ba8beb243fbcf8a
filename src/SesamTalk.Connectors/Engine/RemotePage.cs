using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// A page of the remote change feed as its records are decided: the page's links (one query), the match-key values
/// several of its records share, each linked record's fingerprint, and the host records of the linked records that
/// changed, read together before the first decision.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
internal sealed class RemotePage<TEntity>
    where TEntity : class
{
    private readonly Dictionary<string, SyncFingerprint> _prints;
    private readonly IReadOnlyDictionary<string, TEntity> _hosts;
    private readonly IReadOnlySet<string> _hostsRead;

    public RemotePage(
        IReadOnlyDictionary<string, StoredLink> links,
        IReadOnlySet<(string Key, string Value)> sharedKeys,
        Dictionary<string, SyncFingerprint> prints,
        IReadOnlySet<string> hostsRead,
        IReadOnlyDictionary<string, TEntity> hosts)
    {
        Links = links;
        SharedKeys = sharedKeys;
        _prints = prints;
        _hostsRead = hostsRead;
        _hosts = hosts;
    }

    /// <summary>The page's links, by remote id.</summary>
    public IReadOnlyDictionary<string, StoredLink> Links { get; }

    /// <summary>Match-key values several records of the page share: none of them may be linked by that key.</summary>
    public IReadOnlySet<(string Key, string Value)> SharedKeys { get; }

    /// <summary>A page of records read one at a time (released quarantine): its links, nothing read ahead.</summary>
    public static RemotePage<TEntity> Single(IReadOnlyDictionary<string, StoredLink> links) =>
        new(links, new HashSet<(string, string)>(), new Dictionary<string, SyncFingerprint>(StringComparer.Ordinal), new HashSet<string>(), new Dictionary<string, TEntity>());

    /// <summary>The remote record's fingerprint, computed once a page.</summary>
    public SyncFingerprint PrintOf(SyncRecord record, IEntityMapper mapper)
    {
        if (!_prints.TryGetValue(record.Id!, out var print))
        {
            _prints[record.Id!] = print = mapper.FingerprintOf(record, FieldDirection.FromRemote);
        }

        return print;
    }

    /// <summary>
    /// The host record <paramref name="localId"/> if it was read ahead: found, or null with <paramref name="wasRead"/>
    /// when the host has no such record (deleted there).
    /// </summary>
    public TEntity? ReadAhead(string localId, out bool wasRead)
    {
        wasRead = _hostsRead.Contains(localId);
        return _hosts.GetValueOrDefault(localId);
    }
}
