namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The host's changes as one cycle knows them: when each changed record changed (for latest-wins), their match-key
/// values (so remote records find pre-existing host records) and, while creates are open, their content (so a record
/// an interrupted create made is recognised). Ids and keys only, never the entities. Built at most once a cycle, and
/// widened at most once to every host record (see <see cref="TryWiden"/>).
/// </summary>
/// <remarks>
/// The index is kept in memory up to <see cref="SyncEngineOptions.HostIndexInMemory"/> entries; past that it moves to
/// a scratch SQLite file (<see cref="HostIndexFile"/>), so a cycle that matches a million host changes against remote
/// records holds its pages, not the whole index.
/// </remarks>
internal sealed class HostChangeIndex : IDisposable
{
    private readonly int _inMemoryLimit;
    private readonly string? _scratchDirectory;
    private readonly Dictionary<string, DateTimeOffset> _changedAt = new(StringComparer.Ordinal);
    private readonly MatchIndex<string> _keys = new();
    private int _keyEntries;
    private readonly Dictionary<string, List<string>> _content = new(StringComparer.Ordinal);
    private int _contentEntries;
    private HostIndexFile? _file;

    public HostChangeIndex(int inMemoryLimit, string? scratchDirectory)
    {
        _inMemoryLimit = Math.Max(0, inMemoryLimit);
        _scratchDirectory = scratchDirectory;
    }

    /// <summary>Whether the index was built (or is being built) this cycle.</summary>
    public bool IsBuilt { get; private set; }

    /// <summary>Whether the index covers every host record, not only the changed ones.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Whether the index has moved to its scratch file.</summary>
    public bool IsOnDisk => _file is not null;

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
    public void Changed(string id, DateTimeOffset changedAt)
    {
        if (_file is { } file)
        {
            file.Changed(id, changedAt);
            return;
        }

        _changedAt[id] = changedAt;
        MoveToDiskWhenFull();
    }

    /// <summary>Whether the record changed this cycle.</summary>
    public bool HasChanged(string id) => ChangedAt(id) is not null;

    /// <summary>When the record changed this cycle; null when it did not.</summary>
    public DateTimeOffset? ChangedAt(string id) =>
        _file is { } file ? file.ChangedAt(id)
        : _changedAt.TryGetValue(id, out var changedAt) ? changedAt
        : null;

    /// <summary>Indexes the host record <paramref name="id"/> under its values of <paramref name="keys"/>.</summary>
    public void AddKeys(IEnumerable<string> keys, SyncRecord record, string id)
    {
        foreach (var key in keys)
        {
            if (MatchIndex<string>.EntryOf(key, record) is not { } entry)
            {
                continue;
            }

            if (_file is { } file)
            {
                file.AddKey(entry.Field, entry.Value, id);
            }
            else
            {
                _keys.Add(entry, id);
                _keyEntries++;
            }
        }

        MoveToDiskWhenFull();
    }

    /// <summary>The host ids indexed under <paramref name="key"/> with the value <paramref name="record"/> has.</summary>
    public IReadOnlyList<string> FindByKey(string key, SyncRecord record) =>
        _file is { } file
            ? MatchIndex<string>.EntryOf(key, record) is { } entry ? file.FindByKey(entry.Field, entry.Value) : []
            : _keys.Find(key, record);

    /// <summary>Indexes the host record <paramref name="id"/> by its content.</summary>
    public void AddContent(string content, string id)
    {
        if (_file is { } file)
        {
            file.AddContent(content, id);
            return;
        }

        if (!_content.TryGetValue(content, out var ids))
        {
            _content[content] = ids = [];
        }

        ids.Add(id);
        _contentEntries++;
        MoveToDiskWhenFull();
    }

    /// <summary>The host ids with this content.</summary>
    public IReadOnlyList<string> FindByContent(string content) =>
        _file is { } file ? file.FindByContent(content)
        : _content.TryGetValue(content, out var ids) ? ids
        : [];

    /// <summary>Deletes the scratch file, if the index moved to one.</summary>
    public void Dispose() => _file?.Dispose();

    private void MoveToDiskWhenFull()
    {
        if (_file is not null || _changedAt.Count + _keyEntries + _contentEntries <= _inMemoryLimit)
        {
            return;
        }

        var file = HostIndexFile.Create(_scratchDirectory);
        foreach (var (id, changedAt) in _changedAt)
        {
            file.Changed(id, changedAt);
        }

        foreach (var (entry, ids) in _keys.Entries)
        {
            foreach (var id in ids)
            {
                file.AddKey(entry.Field, entry.Value, id);
            }
        }

        foreach (var (content, ids) in _content)
        {
            foreach (var id in ids)
            {
                file.AddContent(content, id);
            }
        }

        _file = file;
        _changedAt.Clear();
        _changedAt.TrimExcess();
        _keys.Clear();
        _content.Clear();
        _content.TrimExcess();
    }
}
