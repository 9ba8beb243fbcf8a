using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>
/// The records of one entity set, indexed three ways so that a page costs O(log n + page), not a sort of the set: by key
/// (the order Exact pages a set in, with <c>$skiptoken</c> after a key), by sync <c>Timestamp</c> (the sync API's
/// order), and a count of each text value of the unique fields (Code), so a write's duplicate check is a lookup.
/// Callers hold the store's gate; a record's Timestamp and unique values only change between
/// <see cref="RecordStore.Detach"/> and <see cref="RecordStore.Attach"/>.
/// </summary>
internal sealed class EntityTable(EntitySchema schema)
{
    private readonly SortedSet<Entry<Guid>> _byKey = new(Entry<Guid>.Order);
    private readonly SortedSet<Entry<long>> _byTimestamp = new(Entry<long>.Order);
    private readonly Dictionary<(string Field, string Value), int> _unique = [];
    private readonly string[] _uniqueFields = [.. schema.Fields.Where(f => f.Unique).Select(f => f.Name)];

    /// <summary>Every record in key order.</summary>
    public IEnumerable<EntityRecord> Records => _byKey.Select(entry => entry.Record);

    public void Add(EntityRecord record)
    {
        _byKey.Add(new(record.Key, record));
        Attach(record);
    }

    public void Remove(EntityRecord record)
    {
        Detach(record);
        _byKey.Remove(new(record.Key, record));
    }

    /// <summary>Takes a record out of the Timestamp and unique-value indexes before a write changes them.</summary>
    public void Detach(EntityRecord record)
    {
        _byTimestamp.Remove(new(record.Timestamp, record));
        foreach (var value in UniqueValues(record))
        {
            if (_unique.TryGetValue(value, out var count) && count > 1)
            {
                _unique[value] = count - 1;
            }
            else
            {
                _unique.Remove(value);
            }
        }
    }

    /// <summary>Puts a record back in the Timestamp and unique-value indexes after a write.</summary>
    public void Attach(EntityRecord record)
    {
        _byTimestamp.Add(new(record.Timestamp, record));
        foreach (var value in UniqueValues(record))
        {
            _unique[value] = _unique.GetValueOrDefault(value) + 1;
        }
    }

    /// <summary>The records after <paramref name="key"/> in key order.</summary>
    public IEnumerable<EntityRecord> After(Guid key) =>
        _byKey.Count == 0 || key.CompareTo(_byKey.Max.Key) >= 0
            ? []
            : _byKey.GetViewBetween(new(key, null!), _byKey.Max).Where(e => e.Key != key).Select(e => e.Record);

    /// <summary>The records written after <paramref name="timestamp"/>, oldest write first.</summary>
    public IEnumerable<EntityRecord> ChangedAfter(long timestamp) =>
        _byTimestamp.Count == 0 || timestamp >= _byTimestamp.Max.Key
            ? []
            : _byTimestamp.GetViewBetween(new(timestamp + 1, null!), _byTimestamp.Max).Select(e => e.Record);

    /// <summary>
    /// Whether a record other than the one keyed <paramref name="except"/> holds <paramref name="value"/> in the unique
    /// field, or null when the index cannot say (the field is not unique or the value not text).
    /// </summary>
    public bool? Holds(string field, JsonNode value, Guid? except)
    {
        if (!_uniqueFields.Contains(field) || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = (string)value!;
        var holders = _unique.GetValueOrDefault((field, text));
        var own = except is { } key && _byKey.TryGetValue(new(key, null!), out var self) && self.Record[field] is { } mine
            && mine.GetValueKind() == JsonValueKind.String && (string)mine! == text;
        return holders - (own ? 1 : 0) > 0;
    }

    private IEnumerable<(string Field, string Value)> UniqueValues(EntityRecord record)
    {
        foreach (var field in _uniqueFields)
        {
            if (record[field] is { } value && value.GetValueKind() == JsonValueKind.String)
            {
                yield return (field, (string)value!);
            }
        }
    }

    /// <summary>A record under one of its index keys; entries compare by the key alone.</summary>
    private readonly record struct Entry<TKey>(TKey Key, EntityRecord Record)
        where TKey : IComparable<TKey>
    {
        public static IComparer<Entry<TKey>> Order { get; } = Comparer<Entry<TKey>>.Create((a, b) => a.Key.CompareTo(b.Key));
    }
}
