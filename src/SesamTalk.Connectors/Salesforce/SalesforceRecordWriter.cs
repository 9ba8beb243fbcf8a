using System.Text.Json;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>Writes a <see cref="SyncRecord"/> as a Salesforce REST record, in Salesforce's wire formats.</summary>
internal static class SalesforceRecordWriter
{
    public static void Write(Utf8JsonWriter writer, SyncRecord record, bool includeId)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("attributes");
        writer.WriteString("type", record.Type);
        writer.WriteEndObject();
        if (includeId)
        {
            writer.WriteString("Id", record.Id ?? throw new ArgumentException($"{record} has no Id to update.", nameof(record)));
        }

        foreach (var (field, value) in record)
        {
            // Child records travel in their own calls; Id is the record's identity, not a field to write.
            if (value.Kind == SyncValueKind.Records || field.Equals("Id", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            writer.WritePropertyName(field);
            JsonValueWriter.WriteScalar(writer, value, SalesforceWireFormat.FormatDateTime, date => SalesforceWireFormat.FormatDate(DateOnly.FromDateTime(date)));
        }

        writer.WriteEndObject();
    }
}
