using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Avro;
using Avro.Generic;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// The Avro schema of one object's change events (<c>AccountChangeEvent</c>), shaped like Salesforce's: the
/// <c>ChangeEventHeader</c> record first, then every field of the object as an optional (<c>["null", type]</c>) field,
/// addresses and person names as nested records of their parts. The system fields Id, IsDeleted and SystemModstamp are
/// not in it (the header's recordIds carries the id). Its id is derived from its text, as Salesforce's schema ids are
/// opaque strings that change with the schema.
/// </summary>
internal sealed class ChangeEventSchema
{
    private static readonly string[] AddressParts =
        ["Street", "City", "State", "PostalCode", "Country", "StateCode", "CountryCode", "Latitude", "Longitude", "GeocodeAccuracy"];

    private static readonly HashSet<string> NotInEvents = new(StringComparer.Ordinal) { "Id", "IsDeleted", "SystemModstamp" };

    private ChangeEventSchema(string entity, IReadOnlyList<ChangeEventField> fields, string json)
    {
        Entity = entity;
        Fields = fields;
        Json = json;
        Avro = (RecordSchema)global::Avro.Schema.Parse(json);
        Writer = new GenericDatumWriter<GenericRecord>(Avro);
        Id = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(json))[..16]);
    }

    /// <summary>The object's API name (the header's entityName).</summary>
    public string Entity { get; }

    /// <summary>The fields after the header; the field at index i is at position i + 1 of the Avro record.</summary>
    public IReadOnlyList<ChangeEventField> Fields { get; }

    /// <summary>The schema as GetSchema returns it.</summary>
    public string Json { get; }

    public RecordSchema Avro { get; }

    /// <summary>The payload writer, resolved once per schema (writes run one at a time, under the record store's gate).</summary>
    public GenericDatumWriter<GenericRecord> Writer { get; }

    /// <summary>The schema id events carry and GetSchema takes.</summary>
    public string Id { get; }

    /// <summary>The change event channel of an object: <c>/data/AccountChangeEvent</c>, <c>/data/Project__ChangeEvent</c> for <c>Project__c</c>.</summary>
    public static string EventName(string entity) =>
        entity.EndsWith("__c", StringComparison.Ordinal) ? string.Concat(entity.AsSpan(0, entity.Length - 1), "ChangeEvent") : entity + "ChangeEvent";

    public static ChangeEventSchema For(SObjectSchema schema)
    {
        var fields = EventFields(schema);
        var json = new JsonObject
        {
            ["type"] = "record",
            ["name"] = EventName(schema.Name),
            ["namespace"] = "com.sforce.eventbus",
            ["fields"] = new JsonArray([Field("ChangeEventHeader", Header()), .. AvroFields(fields)]),
        };
        return new ChangeEventSchema(schema.Name, fields, json.ToJsonString());
    }

    private static List<ChangeEventField> EventFields(SObjectSchema schema)
    {
        var compounds = new List<ChangeEventField>();
        foreach (var field in schema.Fields)
        {
            if (field.Type == FieldType.Address)
            {
                compounds.Add(new ChangeEventField(field.Name, null, [.. AddressParts.Select(part => (part, schema.Field(field.AddressPrefix + part)))]));
            }
            else if (field.Source.ConcatenationOf.Count > 0)
            {
                compounds.Add(new ChangeEventField(field.Name, null, [.. field.Source.ConcatenationOf.Select(part => (part, schema.Field(part)))]));
            }
        }

        var partOfCompound = compounds.SelectMany(c => c.Parts).Select(p => p.Source?.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. schema.Fields
            .Where(f => !NotInEvents.Contains(f.Name) && !partOfCompound.Contains(f.Name) && f.Type is not (FieldType.Location or FieldType.Base64))
            .Select(f => compounds.Find(c => c.Name == f.Name) ?? new ChangeEventField(f.Name, f, []))];
    }

    private static IEnumerable<JsonNode> AvroFields(IEnumerable<ChangeEventField> fields)
    {
        var namedTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!field.IsCompound)
            {
                yield return Field(field.Name, Optional(AvroType(field.Source!.Type), $"Data:{field.Source.Source.Type}"));
                continue;
            }

            // Addresses share one named record type, defined where it is first used and named after that.
            var typeName = field.Parts.Count == AddressParts.Length && field.Parts[0].Name == "Street" ? "Address" : field.Name;
            JsonNode type = namedTypes.Add(typeName)
                ? new JsonObject
                {
                    ["type"] = "record",
                    ["name"] = typeName,
                    ["fields"] = new JsonArray([.. field.Parts.Select(p => Field(p.Name, Optional(p.Source is { } s ? AvroType(s.Type) : "string", "Data:" + (p.Source?.Source.Type ?? "string"))))]),
                }
                : JsonValue.Create("com.sforce.eventbus." + typeName);
            yield return Field(field.Name, new JsonObject { ["type"] = new JsonArray("null", type), ["doc"] = "Data:Compound" });
        }
    }

    /// <summary>How a field's values travel in Avro: dates as days and datetimes as milliseconds since the epoch, times as milliseconds since midnight.</summary>
    internal static string AvroType(FieldType type) => type switch
    {
        FieldType.Boolean => "boolean",
        FieldType.Int => "int",
        FieldType.Long or FieldType.Datetime or FieldType.Time => "long",
        FieldType.Double or FieldType.Currency or FieldType.Percent => "double",
        FieldType.Date => "int",
        _ => "string",
    };

    private static JsonObject Optional(string type, string doc) => new() { ["type"] = new JsonArray("null", type), ["doc"] = doc };

    /// <summary>A field; optional ones (a union with null first) default to null.</summary>
    private static JsonObject Field(string name, JsonNode type)
    {
        var field = new JsonObject { ["name"] = name };
        if (type is JsonObject { } wrapper && wrapper["type"] is JsonArray union)
        {
            field["type"] = union.DeepClone();
            field["doc"] = wrapper["doc"]?.DeepClone();
            field["default"] = null;
        }
        else
        {
            field["type"] = type.DeepClone();
        }

        return field;
    }

    private static JsonObject Header()
    {
        static JsonObject Strings() => new() { ["type"] = "array", ["items"] = "string" };
        return new JsonObject
        {
            ["type"] = "record",
            ["name"] = "ChangeEventHeader",
            ["namespace"] = "com.salesforce.eventbus",
            ["fields"] = new JsonArray(
                Field("entityName", JsonValue.Create("string")),
                Field("recordIds", Strings()),
                Field("changeType", new JsonObject { ["type"] = "enum", ["name"] = "ChangeType", ["symbols"] = new JsonArray([.. Enum.GetNames<ChangeType>().Select(n => JsonValue.Create(n))]) }),
                Field("changeOrigin", JsonValue.Create("string")),
                Field("transactionKey", JsonValue.Create("string")),
                Field("sequenceNumber", JsonValue.Create("int")),
                Field("commitTimestamp", JsonValue.Create("long")),
                Field("commitNumber", JsonValue.Create("long")),
                Field("commitUser", JsonValue.Create("string")),
                Field("nulledFields", Strings()),
                Field("diffFields", Strings()),
                Field("changedFields", Strings())),
        };
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
