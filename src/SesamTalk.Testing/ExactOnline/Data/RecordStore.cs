using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>
/// The division's entities and delete log. Not thread-safe by itself: callers hold <see cref="Gate"/> for every read
/// and write, which also makes a header with its lines one atomic write.
/// </summary>
internal sealed class RecordStore
{
    private readonly Dictionary<Guid, EntityRecord> _byKey = [];
    private readonly List<DeletedEntry> _deleted = [];
    private long _rowVersion;

    public RecordStore() =>
        // A random start keeps the Timestamps of two emulators apart, so a test cannot pass by coincidence.
        _rowVersion = Random.Shared.NextInt64(10_000_000, 1_000_000_000);

    public object Gate { get; } = new();

    public IReadOnlyList<DeletedEntry> Deleted => _deleted;

    /// <summary>The next rowversion: unique and increasing across every entity set of the division.</summary>
    public long NextTimestamp() => ++_rowVersion;

    public void Add(EntityRecord record) => _byKey.Add(record.Key, record);

    public EntityRecord? Find(EntitySchema schema, Guid key) =>
        _byKey.TryGetValue(key, out var record) && record.Schema == schema ? record : null;

    /// <summary>The records of a set in key order (the order Exact pages in).</summary>
    public IEnumerable<EntityRecord> OfType(EntitySchema schema) =>
        _byKey.Values.Where(r => r.Schema == schema).OrderBy(r => r.Key);

    /// <summary>The lines whose <paramref name="foreignKey"/> holds <paramref name="header"/>'s key, in line-number order.</summary>
    public IEnumerable<EntityRecord> LinesOf(EntityRecord header, EntitySchema lines, string foreignKey)
    {
        var key = header.Key.ToString();
        return _byKey.Values.Where(r => r.Schema == lines && (string?)r[foreignKey] == key).OrderBy(r => (int?)r["LineNumber"] ?? 0);
    }

    public void Remove(EntityRecord record, DeletedEntry entry)
    {
        _byKey.Remove(record.Key);
        _deleted.Add(entry);
    }
}
