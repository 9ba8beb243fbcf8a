using System.Text.Json;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>
/// The records of one entity set, indexed three ways so that a page costs O(log n + page), not a sort of the set: by key
/// (the order Exact pages a set in, with <c>$skiptoken</c> after a key), by sync <c>Timestamp</c> (the sync API's
/// order), and the text values of unique fields (Code), so a write's duplicate check is a lookup. Callers hold the
/// store's gate; a record's Timestamp and unique values only change between <see cref="RecordStore.Detach"/> and
/// <see cref="RecordStore.Attach"/>.
/// </summary>
internal sealed class EntityTable(EntitySchema schema)
{
    private readonly Dictionary<Guid, EntityRecord> _records = [];
    private readonly SortedSet<Guid> _keys = [];
    private readonly SortedDictionary<long, EntityRecord> _byTimestamp = [];
    private readonly SortedSet<long> _timestamps = [];
    private readonly Dictionary<(string Field, string Value), HashSet<Guid>> _unique = [];
    private readonly string[] _uniqueFields = [.. schema.Fields.Where(f => f.Unique).Select(f => f.Name)];

    /// <summary>Every record in key order.</summary>
    public IEnumerable<EntityRecord> Records => _keys.Select(key => _records[key]);

    public void Add(EntityRecord record)
    {
        _records.Add(record.Key, record);
        _keys.Add(record.Key);
        Attach(record);
    }

    public void Remove(EntityRecord record)
    {
        Detach(record);
        _records.Remove(record.Key);
        _keys.Remove(record.Key);
    }

    /// <summary>Takes a record out of the Timestamp and unique-value indexes before a write changes them.</summary>
    public void Detach(EntityRecord record)
    {
        _byTimestamp.Remove(record.Timestamp);
        _timestamps.Remove(record.Timestamp);
        foreach (var (field, value) in UniqueValues(record))
        {
            if (_unique.TryGetValue((field, value), out var holders) && holders.Remove(record.Key) && holders.Count == 0)
            {
                _unique.Remove((field, value));
            }
        }
    }

    /// <summary>Puts a record back in the Timestamp and unique-value indexes after a write.</summary>
    public void Attach(EntityRecord record)
    {
        _byTimestamp.Add(record.Timestamp, record);
        _timestamps.Add(record.Timestamp);
        foreach (var key in UniqueValues(record))
        {
            if (!_unique.TryGetValue(key, out var holders))
            {
                _unique[key] = holders = [];
            }

            holders.Add(record.Key);
        }
    }

    /// <summary>The records after <paramref name="key"/> in key order.</summary>
    public IEnumerable<EntityRecord> After(Guid key) =>
        _keys.Count == 0 || key.CompareTo(_keys.Max) >= 0
            ? []
            : _keys.GetViewBetween(key, _keys.Max).Where(k => k != key).Select(k => _records[k]);

    /// <summary>The records written after <paramref name="timestamp"/>, oldest write first.</summary>
    public IEnumerable<EntityRecord> ChangedAfter(long timestamp) =>
        _timestamps.Count == 0 || timestamp >= _timestamps.Max
            ? []
            : _timestamps.GetViewBetween(timestamp + 1, _timestamps.Max).Select(t => _byTimestamp[t]);

    /// <summary>
    /// Whether a record other than <paramref name="except"/> holds <paramref name="value"/> in the unique field, or null
    /// when the index cannot say (the field is not unique or the value not text).
    /// </summary>
    public bool? Holds(string field, System.Text.Json.Nodes.JsonNode value, Guid? except) =>
        !_uniqueFields.Contains(field) || value.GetValueKind() != JsonValueKind.String
            ? null
            : _unique.TryGetValue((field, (string)value!), out var holders) && holders.Any(holder => holder != except);

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
}
