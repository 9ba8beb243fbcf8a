using Avro;
using Avro.Generic;
using Avro.IO;

namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>Reads a change event's Avro binary payload with its writer schema and turns its ChangeEventHeader into a notification.</summary>
internal static class ChangeEventDecoder
{
    public static SalesforceChangeNotification Decode(RecordSchema schema, ReadOnlySpan<byte> payload, string replayId)
    {
        GenericRecord record;
        using (var stream = new MemoryStream(payload.ToArray(), writable: false))
        {
            record = new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(stream));
        }

        if (record["ChangeEventHeader"] is not GenericRecord header)
        {
            throw new FormatException($"The event with replay id {replayId} (schema {schema.Fullname}) has no ChangeEventHeader: it is no change data capture event.");
        }

        var entity = (string)header["entityName"];
        var changeType = Enum.Parse<SalesforceChangeType>(((GenericEnum)header["changeType"]).Value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
        return new SalesforceChangeNotification(
            entity,
            Strings(header["recordIds"]),
            changeType,
            ChangedFieldsBitmap.Decode(Strings(header["changedFields"]), schema),
            DateTimeOffset.FromUnixTimeMilliseconds((long)header["commitTimestamp"]),
            replayId);
    }

    private static string[] Strings(object value) => [.. ((IEnumerable<object>)value).Cast<string>()];
}
