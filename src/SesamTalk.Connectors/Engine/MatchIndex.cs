namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Records seen in a cycle by normalised match-key value (trimmed, inner whitespace collapsed, case-folded), so a
/// record on one side finds its pre-existing counterpart on the other. Several hits mean the match is ambiguous.
/// </summary>
/// <typeparam name="T">What is indexed: a host id, or a remote record.</typeparam>
internal sealed class MatchIndex<T>
{
    private readonly Dictionary<(string Field, string Value), List<T>> _entries = new();

    /// <summary>The entry <paramref name="record"/> has under match key <paramref name="key"/>: the key in upper case and the normalised value; null when it has no value that can match.</summary>
    public static (string Field, string Value)? EntryOf(string key, SyncRecord record) =>
        record.TryGetValue(key, out var value) && SyncMatchValue.Normalise(value) is { } normalised ? (key.ToUpperInvariant(), normalised) : null;

    /// <summary>Indexes <paramref name="item"/> under each match key <paramref name="record"/> has a value for.</summary>
    public void Add(IEnumerable<string> keys, SyncRecord record, T item)
    {
        foreach (var key in keys)
        {
            if (EntryOf(key, record) is { } entry)
            {
                Add(entry, item);
            }
        }
    }

    /// <summary>Indexes <paramref name="item"/> under one entry (see <see cref="EntryOf"/>).</summary>
    public void Add((string Field, string Value) entry, T item)
    {
        if (!_entries.TryGetValue(entry, out var items))
        {
            _entries[entry] = items = [];
        }

        items.Add(item);
    }

    /// <summary>The items indexed under <paramref name="key"/> with the value <paramref name="record"/> has.</summary>
    public IReadOnlyList<T> Find(string key, SyncRecord record) =>
        _entries.Count > 0 && EntryOf(key, record) is { } entry && _entries.TryGetValue(entry, out var items) ? items : [];

    /// <summary>Every entry with its items.</summary>
    public IEnumerable<KeyValuePair<(string Field, string Value), List<T>>> Entries => _entries;

    /// <summary>Forgets every item.</summary>
    public void Clear() => _entries.Clear();
}
