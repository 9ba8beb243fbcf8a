namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The host's changes as one cycle knows them: when each changed record changed (for latest-wins), their match-key
/// values (so remote records find pre-existing host records) and, while creates are open, their content (so a record
/// an interrupted create made is recognised). Ids and keys only, never the entities. Built at most once a cycle, and
/// widened at most once to every host record (see <see cref="TryWiden"/>).
/// </summary>
internal sealed class HostChangeIndex
{
    private readonly Dictionary<string, DateTimeOffset> _changedAt = new(StringComparer.Ordinal);
    private readonly MatchIndex<string> _keys = new();
    private readonly Dictionary<string, List<string>> _content = new(StringComparer.Ordinal);

    /// <summary>Whether the index was built (or is being built) this cycle.</summary>
    public bool IsBuilt { get; private set; }

    /// <summary>Whether the index covers every host record, not only the changed ones.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Starts building; <paramref name="coversEveryRecord"/> when the host feed is read from its start.</summary>
    public void StartBuilding(bool coversEveryRecord)
    {
        IsBuilt = true;
        IsComplete = coversEveryRecord;
    }

    /// <summary>Claims the one widening of the cycle; false when the index covers every record already.</summary>
    public bool TryWiden()
    {
        if (IsComplete)
        {
            return false;
        }

        IsComplete = true;
        return true;
    }

    /// <summary>Notes that the record changed at <paramref name="changedAt"/> this cycle.</summary>
    public void Changed(string id, DateTimeOffset changedAt) => _changedAt[id] = changedAt;

    /// <summary>Whether the record changed this cycle.</summary>
    public bool HasChanged(string id) => _changedAt.ContainsKey(id);

    /// <summary>When the record changed this cycle; null when it did not.</summary>
    public DateTimeOffset? ChangedAt(string id) => _changedAt.TryGetValue(id, out var changedAt) ? changedAt : null;

    /// <summary>Indexes the host record <paramref name="id"/> under its values of <paramref name="keys"/>.</summary>
    public void AddKeys(IEnumerable<string> keys, SyncRecord record, string id) => _keys.Add(keys, record, id);

    /// <summary>The host ids indexed under <paramref name="key"/> with the value <paramref name="record"/> has.</summary>
    public IReadOnlyList<string> FindByKey(string key, SyncRecord record) => _keys.Find(key, record);

    /// <summary>Indexes the host record <paramref name="id"/> by its content.</summary>
    public void AddContent(string content, string id)
    {
        if (!_content.TryGetValue(content, out var ids))
        {
            _content[content] = ids = [];
        }

        ids.Add(id);
    }

    /// <summary>The host ids with this content.</summary>
    public IReadOnlyList<string> FindByContent(string content) => _content.TryGetValue(content, out var ids) ? ids : [];
}
