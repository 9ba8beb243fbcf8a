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

        return WithIdentity(record);
    }

    /// <summary>Sets the record's <see cref="SyncRecord.Id"/>, <see cref="SyncRecord.ModifiedAt"/> and <see cref="SyncRecord.IsDeleted"/> from its Id, SystemModstamp and IsDeleted fields.</summary>
    public static SyncRecord WithIdentity(SyncRecord record)
    {
        record.Id = record.TryGetValue("Id", out var id) ? id.AsString() : null;
        record.ModifiedAt = record.TryGetValue("SystemModstamp", out var stamp) && stamp.Kind == SyncValueKind.DateTime ? stamp.AsDateTimeOffset() : null;
        record.IsDeleted = record.TryGetValue("IsDeleted", out var deleted) && deleted.AsBoolean() == true;
        return record;
    }

    /// <summary>
    /// Text of a field: a date or an instant where the describe type says so and it parses as one, else text. Text that
    /// does not parse as its declared type stays text: the mapper then names the record and the field when it cannot
    /// use it, instead of the whole page failing here.
    /// </summary>
    public static SyncValue Text(string text, string? fieldType)
    {
        if (fieldType == "date" && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return SyncValue.From(date);
        }

        return fieldType == "datetime" && TryParseDateTime(text, out var instant) ? SyncValue.From(instant) : SyncValue.From(text);
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
                return Text(value.GetString()!, fieldType);
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
