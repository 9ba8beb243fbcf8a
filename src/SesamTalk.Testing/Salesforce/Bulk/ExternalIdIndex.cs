using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// The live records of a type by the value of the field an upsert matches on, built once per processing step and kept
/// current as the step inserts (so a key repeated later in the file updates the record an earlier row made).
/// Values match as REST upserts match them (<see cref="ExternalIdKey.ComparerOf"/>); an Id key matches in its 18-character
/// form. Callers hold the store's gate.
/// </summary>
internal sealed class ExternalIdIndex
{
    private readonly Dictionary<string, List<SObjectRecord>> _byKey;
    private readonly string _field;

    public ExternalIdIndex(RecordStore store, SObjectSchema schema, string field)
    {
        var key = schema.Field(field);
        _field = key?.Name ?? field;
        _byKey = new(key is null ? StringComparer.Ordinal : ExternalIdKey.ComparerOf(key));
        foreach (var record in store.OfType(schema).Where(r => !r.IsDeleted))
        {
            if (record[_field]?.ToString() is { } value)
            {
                Add(value, record);
            }
        }
    }

    public IReadOnlyList<SObjectRecord> Find(string key) => _byKey.GetValueOrDefault(Normalize(key)) ?? [];

    public void Add(string key, SObjectRecord record)
    {
        var normalized = Normalize(key);
        if (!_byKey.TryGetValue(normalized, out var records))
        {
            _byKey[normalized] = records = [];
        }

        records.Add(record);
    }

    private string Normalize(string key) => _field == "Id" ? SalesforceId.Normalize(key) ?? key : key;
}
