using System.Text;
using System.Text.Json;

namespace SesamTalk.Connectors.Engine;

/// <summary>Copies of records, and their text form kept with quarantined records so a person can see what failed.</summary>
internal static class RecordText
{
    /// <summary>A deep copy of <paramref name="record"/> with only <paramref name="fields"/> (child records copied too).</summary>
    public static SyncRecord Copy(SyncRecord record, IEnumerable<string> fields)
    {
        var copy = new SyncRecord(record.Type, record.Id) { ModifiedAt = record.ModifiedAt, Version = record.Version };
        foreach (var field in fields.ToList())
        {
            if (record.TryGetValue(field, out var value))
            {
                copy[field] = value.Kind == SyncValueKind.Records && value.AsRecords() is { } children
                    ? SyncValue.From(children.Select(child => Copy(child, child.FieldNames)).ToList())
                    : value;
            }
        }

        return copy;
    }

    /// <summary><c>{"type":..,"id":..,"fields":{..}}</c> with canonical values.</summary>
    public static string Of(SyncRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, record);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, SyncRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("type", record.Type);
        writer.WriteString("id", record.Id);
        writer.WriteStartObject("fields");
        foreach (var (field, value) in record)
        {
            if (value.Kind == SyncValueKind.Records)
            {
                writer.WriteStartArray(field);
                foreach (var child in value.AsRecords()!)
                {
                    Write(writer, child);
                }

                writer.WriteEndArray();
            }
            else if (value.IsNull)
            {
                writer.WriteNull(field);
            }
            else
            {
                writer.WriteString(field, value.ToString());
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
