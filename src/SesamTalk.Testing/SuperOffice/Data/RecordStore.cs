using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Data;

/// <summary>
/// The tenant's entities, numbered per entity from 1 as SuperOffice's tables are. Not thread-safe by itself: callers
/// hold <see cref="Gate"/> for every read and write.
/// </summary>
internal sealed class RecordStore
{
    private readonly Dictionary<string, SortedDictionary<int, EntityRecord>> _byEntity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastId = new(StringComparer.Ordinal);

    public object Gate { get; } = new();

    /// <summary>The next id of an entity (one above the highest ever used).</summary>
    public int NextId(EntitySchema schema) => _lastId.GetValueOrDefault(schema.Name) + 1;

    public void Add(EntityRecord record)
    {
        Table(record.Schema).Add(record.Id, record);
        _lastId[record.Schema.Name] = Math.Max(record.Id, _lastId.GetValueOrDefault(record.Schema.Name));
    }

    public EntityRecord? Find(EntitySchema schema, int id) => Table(schema).GetValueOrDefault(id);

    /// <summary>The records of an entity in id order.</summary>
    public IEnumerable<EntityRecord> OfType(EntitySchema schema) => Table(schema).Values;

    public void Remove(EntityRecord record) => Table(record.Schema).Remove(record.Id);

    private SortedDictionary<int, EntityRecord> Table(EntitySchema schema)
    {
        if (!_byEntity.TryGetValue(schema.Name, out var table))
        {
            table = [];
            _byEntity[schema.Name] = table;
        }

        return table;
    }
}
