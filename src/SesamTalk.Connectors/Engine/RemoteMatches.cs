using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// What matching a unit's unlinked host records to remote records needs, resolved before the first of them is routed:
/// the remote records this cycle read unlinked (<see cref="CycleClaims"/>) and those the unit's searches found, the
/// records interrupted creates made, and the links of every candidate (one query). Routing then matches each host
/// record without I/O, honouring the claims of the records routed before it.
/// </summary>
internal sealed class RemoteMatches
{
    private readonly IReadOnlyList<string> _keys;
    private readonly MatchIndex<SyncRecord> _searched;
    private readonly IReadOnlyDictionary<string, SyncRecord> _created;
    private IReadOnlyDictionary<string, StoredLink> _links = new Dictionary<string, StoredLink>();

    /// <param name="keys">The mapping's match keys, in priority order.</param>
    /// <param name="searched">The remote records the unit's searches found, by match key.</param>
    /// <param name="created">The remote records interrupted creates made, by host id.</param>
    public RemoteMatches(IReadOnlyList<string> keys, MatchIndex<SyncRecord> searched, IReadOnlyDictionary<string, SyncRecord> created)
    {
        _keys = keys;
        _searched = searched;
        _created = created;
    }

    /// <summary>The remote ids whose links decide the matches of <paramref name="hosts"/>: the one hit of a key, and the records creates made.</summary>
    public HashSet<string> IdsToLookUp(IEnumerable<(string LocalId, SyncRecord Host)> hosts, CycleClaims claims)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (localId, host) in hosts)
        {
            if (Hits(host, claims) is ({ Count: 1 } hits, _))
            {
                ids.Add(hits[0].Id!);
            }

            if (_created.GetValueOrDefault(localId) is { } created)
            {
                ids.Add(created.Id!);
            }
        }

        return ids;
    }

    /// <summary>Sets the links found for the candidates (by remote id).</summary>
    public void SetLinks(IReadOnlyDictionary<string, StoredLink> links) => _links = links;

    /// <summary>
    /// The remote record <paramref name="host"/> matches by key in priority order: the one free hit (several are
    /// ambiguous; one linked or claimed is taken).
    /// </summary>
    public Match<SyncRecord> Of(SyncRecord host, CycleClaims claims)
    {
        if (Hits(host, claims) is not ({ } hits, { } key))
        {
            return Match<SyncRecord>.None;
        }

        var ids = hits.Select(hit => hit.Id!).ToList();
        if (hits.Count > 1)
        {
            return new Match<SyncRecord>(null, key, hits.Count, ids);
        }

        var free = Free(hits[0], claims);
        return new Match<SyncRecord>(free, key, 1, ids) { Taken = free is null };
    }

    /// <summary>The remote record an interrupted create of the host record made, unless it is linked or claimed already.</summary>
    public SyncRecord? CreatedFor(string localId, CycleClaims claims) => Free(_created.GetValueOrDefault(localId), claims);

    /// <summary>The hits of the first match key that has any: the unlinked remote records read this cycle and the searches' finds.</summary>
    private (List<SyncRecord>? Hits, string? Key) Hits(SyncRecord host, CycleClaims claims)
    {
        foreach (var key in _keys)
        {
            var (read, found) = (claims.UnlinkedRemoteByKey(key, host), _searched.Find(key, host));
            if (read.Count == 0 && found.Count == 0)
            {
                continue; // most records of a first cycle: no need to merge the two lists
            }

            return (read.Concat(found).DistinctBy(record => record.Id, StringComparer.Ordinal).ToList(), key);
        }

        return (null, null);
    }

    private SyncRecord? Free(SyncRecord? record, CycleClaims claims) =>
        record is not null && !claims.IsClaimedRemote(record.Id!) && !_links.ContainsKey(record.Id!) ? record : null;
}
