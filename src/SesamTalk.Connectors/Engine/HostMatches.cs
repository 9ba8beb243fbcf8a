using System.Runtime.ExceptionServices;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// What matching a page's unlinked remote records to host records needs, resolved before the first of them is routed:
/// each record's candidates in the host index and the links of the candidates (one query). Routing then matches each record without I/O, honouring the claims of the
/// records routed before it.
/// </summary>
internal sealed class HostMatches
{
    private readonly Dictionary<string, HostCandidates> _candidates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredLink> _links = new(StringComparer.Ordinal);

    /// <summary>Sets (or, after the host index widened, replaces) the candidates of the remote record <paramref name="remoteId"/>.</summary>
    public void Set(string remoteId, HostCandidates candidates)
    {
        if (candidates == HostCandidates.None)
        {
            _candidates.Remove(remoteId); // most records of a first load from the remote system: nothing kept for them
            return;
        }

        _candidates[remoteId] = candidates;
    }

    /// <summary>Adds the links found for candidates (by host id).</summary>
    public void AddLinks(IReadOnlyDictionary<string, StoredLink> links)
    {
        foreach (var (localId, link) in links)
        {
            _links[localId] = link;
        }
    }

    /// <summary>The candidates of the records <paramref name="remoteIds"/> they may be matched to, whose links decide their match.</summary>
    public HashSet<string> IdsToLookUp(IEnumerable<string> remoteIds) =>
        remoteIds.SelectMany(id => _candidates.GetValueOrDefault(id)?.Matchable ?? []).ToHashSet(StringComparer.Ordinal);

    /// <summary>The candidates a record of the page may be matched to: linked to nothing and unclaimed now (the host records to read).</summary>
    public HashSet<string> FreeCandidates(CycleClaims claims) =>
        _candidates.Values.SelectMany(candidates => candidates.Matchable).Where(id => IsFree(id, claims)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the record matched nothing at all: the host index should widen to every host record and the record
    /// look again (a record whose candidates could not be found is quarantined instead).
    /// </summary>
    public bool FoundNothing(SyncRecord record, CycleClaims claims) =>
        _candidates.GetValueOrDefault(record.Id!) is not { Error: not null } && Of(record, claims).Candidates == 0;

    /// <summary>
    /// The host record <paramref name="record"/> matches: by key, the one free candidate (several, or a key value the
    /// page shares, are ambiguous; one linked or claimed is taken), else by content, the one free candidate.
    /// </summary>
    public Match<string> Of(SyncRecord record, CycleClaims claims)
    {
        var candidates = _candidates.GetValueOrDefault(record.Id!) ?? HostCandidates.None;
        if (candidates.Error is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        var ids = candidates.Ids;
        if (candidates.Key is { } key)
        {
            if (candidates.IsAmbiguous)
            {
                return new Match<string>(null, key, Math.Max(ids.Count, 2), ids);
            }

            var free = IsFree(ids[0], claims);
            return new Match<string>(free ? ids[0] : null, key, 1, ids) { Taken = !free };
        }

        var hits = ids.Where(id => IsFree(id, claims)).ToList();
        return hits.Count == 1 ? new Match<string>(hits[0], null, 1, hits) : Match<string>.None;
    }

    private bool IsFree(string localId, CycleClaims claims) => !claims.IsClaimedLocal(localId) && !_links.ContainsKey(localId);
}
