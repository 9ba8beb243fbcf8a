namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The records a cycle has linked in its pages until the commit makes the links visible in the link store (so no later
/// decision links them again), the records of failed links for the rest of the cycle, and the unlinked remote records
/// it read, which host changes later in the cycle match against.
/// </summary>
internal sealed class CycleClaims
{
    private readonly HashSet<string> _local = new(StringComparer.Ordinal);
    private readonly HashSet<string> _remote = new(StringComparer.Ordinal);
    private readonly MatchIndex<SyncRecord> _unlinkedRemote = new();

    /// <summary>Claims a host record for a link made this cycle.</summary>
    public void ClaimLocal(string id) => _local.Add(id);

    /// <summary>Claims a remote record for a link made this cycle.</summary>
    public void ClaimRemote(string id) => _remote.Add(id);

    /// <summary>Whether a link made this cycle claimed the host record.</summary>
    public bool IsClaimedLocal(string id) => _local.Contains(id);

    /// <summary>Whether a link made this cycle claimed the remote record.</summary>
    public bool IsClaimedRemote(string id) => _remote.Contains(id);

    /// <summary>Drops the claims of links the link store now holds.</summary>
    public void Release<TEntity>(IEnumerable<LinkWork<TEntity>> linked)
        where TEntity : class
    {
        foreach (var work in linked)
        {
            _local.Remove(work.LocalId!);
            _remote.Remove(work.RemoteId!);
        }
    }

    /// <summary>Keeps an unlinked remote record by its match keys, for host records read later in the cycle.</summary>
    public void SawUnlinkedRemote(IEnumerable<string> keys, SyncRecord record) => _unlinkedRemote.Add(keys, record, record);

    /// <summary>The unlinked remote records read this cycle with the value <paramref name="host"/> has for <paramref name="key"/>.</summary>
    public IReadOnlyList<SyncRecord> UnlinkedRemoteByKey(string key, SyncRecord host) => _unlinkedRemote.Find(key, host);
}
