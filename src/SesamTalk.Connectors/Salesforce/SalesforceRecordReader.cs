using System.Globalization;
using System.Text.Json;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Turns one record of a REST response into a <see cref="SyncRecord"/>, typing each value by the field's describe
/// type: <c>date</c> and <c>datetime</c> text become dates and instants, numbers become decimals. The
/// <c>attributes</c> member and nested relationship objects are not fields of the record.
/// </summary>
internal static class SalesforceRecordReader
{
    public static SyncRecord Read(JsonElement json, string type, IReadOnlyDictionary<string, string> fieldTypes)
    {
        var record = new SyncRecord(type);
        foreach (var property in json.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array || property.NameEquals("attributes"))
            {
                continue;
            }

            fieldTypes.TryGetValue(property.Name, out var fieldType);
            record[property.Name] = Value(property.Value, fieldType);
        }

        record.Id = record.TryGetValue("Id", out var id) ? id.AsString() : null;
        record.ModifiedAt = record.TryGetValue("SystemModstamp", out var stamp) && stamp.Kind == SyncValueKind.DateTime ? stamp.AsDateTimeOffset() : null;
        record.IsDeleted = record.TryGetValue("IsDeleted", out var deleted) && deleted.AsBoolean() == true;
        return record;
    }

    private static SyncValue Value(JsonElement value, string? fieldType)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return SyncValue.From(true);
            case JsonValueKind.False:
                return SyncValue.From(false);
            case JsonValueKind.Number:
                return SyncValue.From(value.GetDecimal());
            case JsonValueKind.String:
                var text = value.GetString()!;
                // Text that does not parse as its declared type stays text: the mapper then names the record and
                // the field when it cannot use it, instead of the whole page failing here.
                if (fieldType == "date" && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return SyncValue.From(date);
                }

                if (fieldType == "datetime" && TryParseDateTime(text, out var instant))
                {
                    return SyncValue.From(instant);
                }

                return SyncValue.From(text);
            default:
                return SyncValue.Null;
        }
    }

    private static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        try
        {
            value = SalesforceWireFormat.ParseDateTime(text);
            return true;
        }
        catch (FormatException)
        {
            value = default;
            return false;
        }
    }
}
