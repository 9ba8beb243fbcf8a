using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>
/// Commits validated values: assigns keys, numbers, audit fields and a new sync Timestamp, inserts a header's lines
/// with line numbers, fills the read-only names and codes of referenced entities, and logs deletes for
/// <c>sync/Deleted</c>. Callers hold the store's gate.
/// </summary>
internal sealed class RecordWriter(RecordStore store, EntityCatalog catalog, int division, Guid userId, string userName)
{
    private static readonly string[] LookupSuffixes = ["Name", "Code", "Description"];

    /// <summary>Inserts a record and, for a header, its nested lines (numbered 1, 2, … in the order sent).</summary>
    public EntityRecord Insert(EntitySchema schema, ValidatedWrite write, DateTimeOffset now)
    {
        var record = InsertOne(schema, write.Values, now);
        if (schema.Lines is { Target: { } lines, ForeignKey: { } foreignKey })
        {
            foreach (var line in write.Lines)
            {
                line[foreignKey] = record.Key.ToString();
                InsertOne(lines, line, now);
            }
        }

        return record;
    }

    public void Update(EntityRecord record, IReadOnlyDictionary<string, JsonNode?> values, DateTimeOffset now)
    {
        store.Detach(record);
        foreach (var (name, value) in values)
        {
            record.Values[name] = value?.DeepClone();
        }

        Touch(record, now);
        Derive(record);
        store.Attach(record);
    }

    /// <summary>Deletes a record (a header with its lines) and logs each for <c>sync/Deleted</c>.</summary>
    public void Delete(EntityRecord record, DateTimeOffset now)
    {
        if (record.Schema.Lines is { Target: { } lines, ForeignKey: { } foreignKey })
        {
            foreach (var line in store.LinesOf(record, lines, foreignKey).ToList())
            {
                Remove(line, now);
            }
        }

        Remove(record, now);
    }

    private EntityRecord InsertOne(EntitySchema schema, IReadOnlyDictionary<string, JsonNode?> values, DateTimeOffset now)
    {
        var key = values.GetValueOrDefault(schema.Key.Name) is { } given ? Guid.Parse((string)given!) : Guid.NewGuid();
        var json = new JsonObject();
        foreach (var field in schema.Fields)
        {
            json[field.Name] = field.Name switch
            {
                _ when field.Key => key.ToString(),
                "Division" => division,
                "Created" or "Modified" => ExactDate.Format(now),
                "Creator" or "Modifier" => userId.ToString(),
                "CreatorFullName" or "ModifierFullName" => userName,
                _ when field.Type == "boolean" => false,
                _ => null,
            };
        }

        foreach (var (name, value) in values)
        {
            json[name] = value?.DeepClone();
        }

        var record = new EntityRecord(schema, key, json) { Timestamp = store.NextTimestamp() };
        EntityDefaults.Apply(schema, json, store);
        if (schema.Header is ({ } header, { } foreignKey) && store.Find(header, Guid.Parse((string)json[foreignKey]!)) is { } parent)
        {
            json["LineNumber"] ??= store.LinesOf(parent, schema, foreignKey).Count() + 1;
            foreach (var name in EntityDefaults.HeaderFieldsOnLines.Where(n => schema.Field(n) is not null && header.Field(n) is not null))
            {
                json[name] ??= parent[name]?.DeepClone();
            }
        }

        Derive(record);
        if (schema.Field("Description") is { DefaultedOnCreate: true })
        {
            json["Description"] ??= json["ItemDescription"]?.DeepClone();
        }

        store.Add(record);
        return record;
    }

    private void Touch(EntityRecord record, DateTimeOffset now)
    {
        record.Values["Modified"] = ExactDate.Format(now);
        record.Values["Modifier"] = userId.ToString();
        if (record.Schema.Field("ModifierFullName") is not null)
        {
            record.Values["ModifierFullName"] = userName;
        }

        record.Timestamp = store.NextTimestamp();
    }

    /// <summary>Fills read-only lookups of references to stored entities: OrderedBy → OrderedByName, Item → ItemCode, ItemDescription.</summary>
    private void Derive(EntityRecord record)
    {
        foreach (var field in record.Schema.Fields.Where(f => f.Type == "reference" && f.ReferenceTo.Count > 0))
        {
            if (catalog.Find(field.ReferenceTo[0]) is not { } target)
            {
                continue;
            }

            var referenced = (string?)record[field.Name] is { } id ? store.Find(target, Guid.Parse(id)) : null;
            foreach (var suffix in LookupSuffixes)
            {
                if (record.Schema.Field(field.Name + suffix) is { Createable: false, Updateable: false } && target.Field(suffix) is not null)
                {
                    record.Values[field.Name + suffix] = referenced?[suffix]?.DeepClone();
                }
            }
        }
    }

    private void Remove(EntityRecord record, DateTimeOffset now) =>
        store.Remove(record, new DeletedEntry(Guid.NewGuid(), store.NextTimestamp(), record.Schema.SyncEntityType, record.Key, now, userId));
}
