namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Records seen in a cycle by normalised match-key value (trimmed, inner whitespace collapsed, case-folded), so a
/// record on one side finds its pre-existing counterpart on the other. Several hits mean the match is ambiguous.
/// </summary>
/// <typeparam name="T">What is indexed: a host id, or a remote record.</typeparam>
internal sealed class MatchIndex<T>
{
    private readonly Dictionary<(string Field, string Value), List<T>> _entries = new();

    /// <summary>Indexes <paramref name="item"/> under each match key <paramref name="record"/> has a value for.</summary>
    public void Add(IEnumerable<string> keys, SyncRecord record, T item)
    {
        foreach (var key in keys)
        {
            if (record.TryGetValue(key, out var value) && SyncMatchValue.Normalise(value) is { } normalised)
            {
                var entry = (key.ToUpperInvariant(), normalised);
                if (!_entries.TryGetValue(entry, out var items))
                {
                    _entries[entry] = items = [];
                }

                items.Add(item);
            }
        }
    }

    /// <summary>The items indexed under <paramref name="key"/> with the value <paramref name="record"/> has.</summary>
    public IReadOnlyList<T> Find(string key, SyncRecord record) =>
        record.TryGetValue(key, out var value) && SyncMatchValue.Normalise(value) is { } normalised && _entries.TryGetValue((key.ToUpperInvariant(), normalised), out var items)
            ? items
            : [];
}
