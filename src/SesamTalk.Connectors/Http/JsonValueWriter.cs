using System.Text.Json;

namespace SesamTalk.Connectors.Http;

/// <summary>
/// Writes a scalar <see cref="SyncValue"/> as JSON: null, booleans and numbers natively, text as text, and dates and
/// instants in the wire format of the system at hand. Child records are each connector's own business.
/// </summary>
internal static class JsonValueWriter
{
    public static void WriteScalar(Utf8JsonWriter writer, SyncValue value, Func<DateTimeOffset, string> formatInstant, Func<DateTime, string> formatDate)
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
                writer.WriteStringValue(formatInstant(value.AsDateTimeOffset()!.Value));
                break;
            case SyncValueKind.Date:
                writer.WriteStringValue(formatDate(value.AsDate()!.Value));
                break;
            case SyncValueKind.Records:
                throw new ArgumentException("Child records are written by the connector, not as a scalar.", nameof(value));
            default:
                writer.WriteStringValue(value.AsString());
                break;
        }
    }
}
