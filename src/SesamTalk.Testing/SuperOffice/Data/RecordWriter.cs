using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Data;

/// <summary>
/// Commits validated values: assigns ids, the server defaults, <c>CreatedDate</c>/<c>CreatedBy</c> on create and
/// <c>UpdatedDate</c>/<c>UpdatedBy</c> on every write (where the entity has them), and the concatenated read-only
/// fields (Person <c>FullName</c>).
/// Callers hold the store's gate.
/// </summary>
internal sealed class RecordWriter(RecordStore store, int associateId)
{
    // The list ids a new tenant's user gets as defaults (the recorded currentPrincipal: HomeCountryId 826, GroupId 2).
    private const int HomeCountryId = 826;
    private const int GroupId = 2;
    private const int DefaultCurrencyId = 1;

    /// <summary>Stores a new record: the id sent (seeding) or the next one.</summary>
    public EntityRecord Insert(EntitySchema schema, IReadOnlyDictionary<string, JsonNode?> values, DateTimeOffset now)
    {
        var id = values.GetValueOrDefault(schema.Key.Name) is { } given ? (int)given : store.NextId(schema);
        var record = Build(schema, id, values, now);
        store.Add(record);
        return record;
    }

    /// <summary>The unsaved entity with id 0 and the server's defaults, as <c>GET /api/v1/{Entity}/default</c> returns it.</summary>
    public EntityRecord Blank(EntitySchema schema, DateTimeOffset now) => Build(schema, 0, new Dictionary<string, JsonNode?>(), now);

    private EntityRecord Build(EntitySchema schema, int id, IReadOnlyDictionary<string, JsonNode?> values, DateTimeOffset now)
    {
        var json = new JsonObject();
        foreach (var field in schema.Fields)
        {
            json[field.Name] = field.Key ? id : Default(schema, field.Name, field.Type, field.DefaultedOnCreate, now);
        }

        foreach (var (name, value) in values.Where(v => v.Key != schema.Key.Name))
        {
            json[name] = value?.DeepClone();
        }

        var record = new EntityRecord(schema, id, json);
        Derive(record);
        return record;
    }

    public void Update(EntityRecord record, IReadOnlyDictionary<string, JsonNode?> values, DateTimeOffset now)
    {
        foreach (var (name, value) in values)
        {
            record.Values[name] = value?.DeepClone();
        }

        foreach (var (stamp, value) in new (string, JsonNode)[] { ("UpdatedDate", SoDate.Store(now)), ("UpdatedBy", associateId) })
        {
            if (record.Schema.Field(stamp) is not null)
            {
                record.Values[stamp] = value;
            }
        }

        Derive(record);
    }

    private JsonNode? Default(EntitySchema schema, string name, string type, bool defaulted, DateTimeOffset now) => name switch
    {
        "UpdatedDate" or "CreatedDate" => SoDate.Store(now),
        "UpdatedBy" or "CreatedBy" or "Associate" => associateId,
        "Country" => HomeCountryId,
        "GroupId" => GroupId,
        "Currency" => DefaultCurrencyId,
        "Status" when schema.Name == "Sale" => "Open",
        "Completed" => "Started",
        "Saledate" => SoDate.Store(now),
        _ when type == "boolean" => false,
        _ when defaulted && type == "double" => 0d,
        _ when defaulted && type == "int" => 0,
        _ => null,
    };

    /// <summary>Fills the read-only fields the catalog builds from others (<c>concatenationOf</c>).</summary>
    private static void Derive(EntityRecord record)
    {
        foreach (var field in record.Schema.Fields.Where(f => f.ConcatenationOf.Count > 0))
        {
            var parts = field.ConcatenationOf.Select(n => ((string?)record[n])?.Trim()).Where(p => !string.IsNullOrEmpty(p));
            record.Values[field.Name] = string.Join(' ', parts);
        }
    }
}
