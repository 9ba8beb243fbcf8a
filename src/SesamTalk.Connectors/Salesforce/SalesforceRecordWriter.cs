using System.Text.Json;

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
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, SyncValue value)
    {
        switch (value.Kind)
        {
            case SyncValueKind.Null:
                writer.WriteNullValue();
                break;
            case SyncValueKind.Boolean:
                writer.WriteBooleanValue(value.AsBoolean()!.Value);
                break;
            case SyncValueKind.Number:
                writer.WriteNumberValue(value.AsDecimal()!.Value);
                break;
            case SyncValueKind.DateTime:
                writer.WriteStringValue(SalesforceWireFormat.FormatDateTime(value.AsDateTimeOffset()!.Value));
                break;
            case SyncValueKind.Date:
                writer.WriteStringValue(SalesforceWireFormat.FormatDate(value.AsDateOnly()!.Value));
                break;
            default:
                writer.WriteStringValue(value.AsString());
                break;
        }
    }
}
