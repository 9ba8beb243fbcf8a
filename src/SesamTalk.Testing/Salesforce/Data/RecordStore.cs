using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>
/// The org's records. Not thread-safe by itself: callers hold <see cref="Gate"/> for every read and write,
/// which also makes an allOrNone batch atomic.
/// </summary>
internal sealed class RecordStore
{
    private readonly Dictionary<string, SObjectRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<SObjectSchema, SObjectTable> _tables = [];
    private readonly Dictionary<string, long> _autoNumbers = new(StringComparer.Ordinal);
    private readonly string _pod;
    private long _sequence;

    public RecordStore()
    {
        // A random start keeps ids of two emulator instances apart, so a test cannot pass by id coincidence.
        _sequence = Random.Shared.NextInt64(1_000_000, 1_000_000_000);
        _pod = string.Concat("0", "ABCDEFGHJKMNPQRSTUVWXYZ"[Random.Shared.Next(23)].ToString());
    }

    public object Gate { get; } = new();

    public string NewId(SObjectSchema schema) => SalesforceId.Create(schema.KeyPrefix, _pod, ++_sequence);

    /// <summary>The next value of an auto-number field, e.g. OrderNumber "00000101".</summary>
    public string NextAutoNumber(SObjectSchema schema, FieldSchema field)
    {
        var key = string.Concat(schema.Name, ".", field.Name);
        var next = _autoNumbers.GetValueOrDefault(key, 100) + 1;
        _autoNumbers[key] = next;
        return next.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Adds a new record, indexed by its SystemModstamp as it stands.</summary>
    public void Add(SObjectRecord record)
    {
        _byId.Add(record.Id, record);
        record.Sequence = _byId.Count;
        Table(record.Schema).Add(record);
    }

    /// <summary>Moves a record in its object's feed index after its SystemModstamp changed.</summary>
    public void Restamp(SObjectRecord record) => Table(record.Schema).Restamp(record);

    /// <summary>Finds a record by a 15- or 18-character id, deleted ones included.</summary>
    public SObjectRecord? Find(string? id) => SalesforceId.Normalize(id) is { } full ? _byId.GetValueOrDefault(full) : null;

    /// <summary>The record with exactly this 18-character id, deleted ones included.</summary>
    public SObjectRecord? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The object's records, deleted ones included, in creation order.</summary>
    public IEnumerable<SObjectRecord> OfType(SObjectSchema schema) => _tables.TryGetValue(schema, out var table) ? table.Records : [];

    /// <summary>The object's records and their feed index.</summary>
    public SObjectTable Table(SObjectSchema schema)
    {
        if (!_tables.TryGetValue(schema, out var table))
        {
            table = new SObjectTable();
            _tables.Add(schema, table);
        }

        return table;
    }
}
