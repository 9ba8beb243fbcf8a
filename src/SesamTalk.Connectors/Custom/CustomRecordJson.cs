using System.Globalization;
using System.Text.Json;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Custom;

/// <summary>The contract's record JSON (docs/custom-system-contract.md section 3) to and from <see cref="SyncRecord"/>.</summary>
internal static class CustomRecordJson
{
    public static SyncRecord Read(JsonElement json)
    {
        var record = new SyncRecord(json.GetProperty("type").GetString()!, json.GetProperty("id").GetString())
        {
            ModifiedAt = DateTimeOffset.Parse(json.GetProperty("modifiedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            IsDeleted = json.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True,
            Version = json.TryGetProperty("version", out var version) ? version.GetString() : null,
        };
        if (json.TryGetProperty("fields", out var fields))
        {
            ReadFields(fields, record);
        }

        return record;
    }

    /// <summary>
    /// Values keep their JSON kind: the contract sends dates as text, which the generated mappers read into date
    /// properties. Arrays of objects are child records, typed by their field name.
    /// </summary>
    private static void ReadFields(JsonElement fields, SyncRecord record)
    {
        foreach (var field in fields.EnumerateObject())
        {
            record[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.String => SyncValue.From(field.Value.GetString()),
                JsonValueKind.Number => SyncValue.From(field.Value.GetDecimal()),
                JsonValueKind.True => SyncValue.From(true),
                JsonValueKind.False => SyncValue.From(false),
                JsonValueKind.Array => SyncValue.From(field.Value.EnumerateArray().Select(child => Child(field.Name, child)).ToList()),
                _ => SyncValue.Null,
            };
        }
    }

    private static SyncRecord Child(string type, JsonElement json)
    {
        var child = new SyncRecord(type, json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
        ReadFields(json.TryGetProperty("fields", out var fields) ? fields : json, child);
        return child;
    }

    /// <summary>Writes <c>"fields": { ... }</c>, as record bodies carry them.</summary>
    public static void WriteFields(Utf8JsonWriter writer, SyncRecord record)
    {
        writer.WritePropertyName("fields");
        WriteValues(writer, record);
    }

    /// <summary>Writes the record's fields as one JSON object of values.</summary>
    public static void WriteValues(Utf8JsonWriter writer, SyncRecord record)
    {
        writer.WriteStartObject();
        foreach (var (field, value) in record)
        {
            writer.WritePropertyName(field);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, SyncValue value)
    {
        if (value.Kind != SyncValueKind.Records)
        {
            // Dates in the contract's forms: yyyy-MM-dd, and ISO 8601 UTC to the millisecond (the canonical text).
            JsonValueWriter.WriteScalar(writer, value, instant => SyncValue.From(instant).AsString()!, date => SyncValue.FromDate(date).AsString()!);
            return;
        }

        // The contract's records carry their lines in full, so a line the engine marks deleted is deleted by leaving it out.
        writer.WriteStartArray();
        foreach (var child in value.AsRecords()!.Where(child => !child.IsDeleted))
        {
            writer.WriteStartObject();
            WriteFields(writer, child);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
