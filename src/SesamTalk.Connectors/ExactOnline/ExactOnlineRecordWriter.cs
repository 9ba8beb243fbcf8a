using System.Globalization;
using System.Text;
using System.Text.Json;

using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Writes a <see cref="SyncRecord"/> as an Exact request body: instants as ISO 8601 UTC, dates at midnight, numbers,
/// booleans and text as JSON, and a records field (a header's lines) as a nested array for a deep insert.
/// </summary>
internal static class ExactOnlineRecordWriter
{
    public static string Body(SyncRecord record, string? skipField)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, record, skipField);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, SyncRecord record, string? skipField)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in record)
        {
            if (string.Equals(name, skipField, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, SyncValue value)
    {
        if (value.Kind != SyncValueKind.Records)
        {
            JsonValueWriter.WriteScalar(writer, value, ExactWireFormat.FormatRequestDate, date => date.ToString("yyyy-MM-dd'T'00:00:00", CultureInfo.InvariantCulture));
            return;
        }

        writer.WriteStartArray();
        foreach (var child in value.AsRecords()!)
        {
            Write(writer, child, skipField: null);
        }

        writer.WriteEndArray();
    }
}
