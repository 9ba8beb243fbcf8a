using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>
/// Commits validated values: fills system fields, defaults and auto-numbers on create, stamps
/// LastModifiedDate/SystemModstamp on every change, and recomputes compound fields. Callers hold the store's gate.
/// </summary>
internal sealed class RecordWriter(RecordStore store, string userId)
{
    public SObjectRecord Insert(SObjectSchema schema, IReadOnlyDictionary<string, JsonNode?> values, DateTimeOffset now)
    {
        var id = store.NewId(schema);
        var stamp = SalesforceDate.FormatDateTime(now);
        var json = new JsonObject();
        foreach (var field in schema.Fields)
        {
            json[field.Name] = field.Name switch
            {
                "Id" => id,
                "IsDeleted" => false,
                "CreatedDate" or "LastModifiedDate" or "SystemModstamp" => stamp,
                "CreatedById" or "LastModifiedById" or "OwnerId" => userId,
                _ when field.Source.AutoNumber => store.NextAutoNumber(schema, field),
                _ when field.Source.DefaultValue is not null => field.Source.DefaultValue,
                _ when field.Type == FieldType.Boolean => false,
                _ => null,
            };
        }

        foreach (var (name, value) in values)
        {
            json[name] = value?.DeepClone();
        }

        var record = new SObjectRecord(schema, id, json);
        Derive(record);
        store.Add(record);
        return record;
    }

    public void Update(SObjectRecord record, IReadOnlyDictionary<string, JsonNode?> values, DateTimeOffset now)
    {
        foreach (var (name, value) in values)
        {
            record.Values[name] = value?.DeepClone();
        }

        record.Values["LastModifiedById"] = userId;
        Stamp(record, now, "LastModifiedDate", "SystemModstamp");
        Derive(record);
    }

    /// <summary>Moves the record to the Recycle Bin: hidden from query, kept for queryAll and getDeleted.</summary>
    public static void Delete(SObjectRecord record, DateTimeOffset now)
    {
        record.DeletedDate = now;
        if (record.Schema.HasIsDeleted)
        {
            record.Values["IsDeleted"] = true;
        }

        Stamp(record, now, "SystemModstamp");
    }

    private static void Stamp(SObjectRecord record, DateTimeOffset now, params string[] fields)
    {
        foreach (var field in fields)
        {
            record.Values[field] = SalesforceDate.FormatDateTime(now);
        }
    }

    /// <summary>Recomputes read-only compound fields: full names and address objects.</summary>
    private static void Derive(SObjectRecord record)
    {
        foreach (var field in record.Schema.Fields)
        {
            if (field.Source.ConcatenationOf.Count > 0)
            {
                var parts = field.Source.ConcatenationOf.Select(p => (string?)record.Values[p]).Where(p => !string.IsNullOrEmpty(p)).ToList();
                record.Values[field.Name] = parts.Count == 0 ? null : string.Join(" ", parts);
            }
            else if (field.Type == FieldType.Address)
            {
                record.Values[field.Name] = Address(record.Values, field.AddressPrefix);
            }
        }
    }

    /// <summary>The compound address as REST returns it: null when every part is empty.</summary>
    private static JsonObject? Address(JsonObject values, string prefix)
    {
        JsonNode? Part(string name) => values.TryGetPropertyValue(prefix + name, out var v) ? v?.DeepClone() : null;
        var address = new JsonObject
        {
            ["city"] = Part("City"),
            ["country"] = Part("Country"),
            ["countryCode"] = Part("CountryCode"),
            ["geocodeAccuracy"] = Part("GeocodeAccuracy"),
            ["latitude"] = Part("Latitude"),
            ["longitude"] = Part("Longitude"),
            ["postalCode"] = Part("PostalCode"),
            ["state"] = Part("State"),
            ["stateCode"] = Part("StateCode"),
            ["street"] = Part("Street"),
        };
        return address.Any(p => p.Value is not null) ? address : null;
    }
}
