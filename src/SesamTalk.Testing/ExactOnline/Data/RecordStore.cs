using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>
/// The division's entities and delete log. Not thread-safe by itself: callers hold <see cref="Gate"/> for every read
/// and write, which also makes a header with its lines one atomic write.
/// </summary>
internal sealed class RecordStore
{
    private readonly Dictionary<Guid, EntityRecord> _byKey = [];
    private readonly Dictionary<EntitySchema, EntityTable> _tables = [];
    private readonly List<DeletedEntry> _deleted = [];
    private long _rowVersion;

    public RecordStore() =>
        // A random start keeps the Timestamps of two emulators apart, so a test cannot pass by coincidence.
        _rowVersion = Random.Shared.NextInt64(10_000_000, 1_000_000_000);

    public object Gate { get; } = new();

    public IReadOnlyList<DeletedEntry> Deleted => _deleted;

    /// <summary>The next rowversion: unique and increasing across every entity set of the division.</summary>
    public long NextTimestamp() => ++_rowVersion;

    public void Add(EntityRecord record)
    {
        _byKey.Add(record.Key, record);
        Table(record.Schema).Add(record);
    }

    /// <summary>Takes a record out of its set's Timestamp and unique-value indexes before a write changes them.</summary>
    public void Detach(EntityRecord record) => Table(record.Schema).Detach(record);

    /// <summary>Puts a record back in its set's indexes after a write.</summary>
    public void Attach(EntityRecord record) => Table(record.Schema).Attach(record);

    public EntityRecord? Find(EntitySchema schema, Guid key) =>
        _byKey.TryGetValue(key, out var record) && record.Schema == schema ? record : null;

    /// <summary>The records of a set in key order (the order Exact pages in).</summary>
    public IEnumerable<EntityRecord> OfType(EntitySchema schema) => Table(schema).Records;

    /// <summary>The records of a set after <paramref name="key"/>, in key order.</summary>
    public IEnumerable<EntityRecord> After(EntitySchema schema, Guid key) => Table(schema).After(key);

    /// <summary>The records of a set written after <paramref name="timestamp"/>, oldest write first.</summary>
    public IEnumerable<EntityRecord> ChangedAfter(EntitySchema schema, long timestamp) => Table(schema).ChangedAfter(timestamp);

    /// <summary>The delete log after <paramref name="timestamp"/>, oldest first (the log is kept in Timestamp order).</summary>
    public IEnumerable<DeletedEntry> DeletedAfter(long timestamp)
    {
        var (low, high) = (0, _deleted.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = _deleted[middle].Timestamp > timestamp ? (low, middle) : (middle + 1, high);
        }

        return Enumerable.Range(low, _deleted.Count - low).Select(i => _deleted[i]);
    }

    /// <summary>Whether another record of the set holds a unique field's value, or null when the index cannot say.</summary>
    public bool? HoldsUnique(EntitySchema schema, string field, System.Text.Json.Nodes.JsonNode value, Guid? except) =>
        Table(schema).Holds(field, value, except);

    /// <summary>The lines whose <paramref name="foreignKey"/> holds <paramref name="header"/>'s key, in line-number order.</summary>
    public IEnumerable<EntityRecord> LinesOf(EntityRecord header, EntitySchema lines, string foreignKey)
    {
        var key = header.Key.ToString();
        return _byKey.Values.Where(r => r.Schema == lines && (string?)r[foreignKey] == key).OrderBy(r => (int?)r["LineNumber"] ?? 0);
    }

    public void Remove(EntityRecord record, DeletedEntry entry)
    {
        _byKey.Remove(record.Key);
        Table(record.Schema).Remove(record);
        _deleted.Add(entry);
    }

    private EntityTable Table(EntitySchema schema)
    {
        if (!_tables.TryGetValue(schema, out var table))
        {
            table = new EntityTable(schema);
            _tables.Add(schema, table);
        }

        return table;
    }
}
