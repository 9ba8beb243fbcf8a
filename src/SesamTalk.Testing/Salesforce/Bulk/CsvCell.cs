using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// One cell of an uploaded CSV as the value it gives its field: empty leaves the field alone, <c>#N/A</c> sets it to
/// null, other text is read as the field's type (the JSON value the REST API would have been sent). Text that does not
/// read as the type fails its row, not the job.
/// </summary>
internal static class CsvCell
{
    /// <summary>The text that sets a field to null.</summary>
    public const string Null = "#N/A";

    /// <summary>Reads <paramref name="text"/> for <paramref name="field"/>; false when it is not a value of the field's type.</summary>
    public static bool TryRead(FieldSchema field, string text, out JsonNode? value)
    {
        value = null;
        if (text == Null)
        {
            return true;
        }

        var type = field.Type;
        switch (type)
        {
            case FieldType.Boolean when TryBoolean(text) is { } flag:
                value = flag;
                return true;
            case FieldType.Int when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                value = whole;
                return true;
            case FieldType.Date when SalesforceDate.TryParseDate(text, out var date):
                value = SalesforceDate.FormatDate(date);
                return true;
            case FieldType.Datetime when SalesforceDate.TryParseDateTime(text, out var time):
                value = SalesforceDate.FormatDateTime(time);
                return true;
            case FieldType.Double or FieldType.Currency or FieldType.Percent
                when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                value = number;
                return true;
            case FieldType.Boolean or FieldType.Int or FieldType.Date or FieldType.Datetime or FieldType.Double or FieldType.Currency or FieldType.Percent:
                return false;
            default:
                value = text;
                return true;
        }
    }

    /// <summary>The row error for a cell that does not read as its field's type, as Bulk API 2.0 words it.</summary>
    public static SalesforceError Unreadable(FieldSchema field, string text, int column) => new(
        "INVALID_FIELD",
        string.Create(CultureInfo.InvariantCulture, $"Failed to deserialize field at col {column}. Due to, '{text}' is not a valid value for the type xsd:{XsdType(field.Type)}"),
        [field.Name]);

    /// <summary>A stored REST JSON value as query results write it: datetimes in UTC with "Z", null as empty.</summary>
    public static string Write(FieldSchema field, JsonNode? value)
    {
        if (value is null)
        {
            return "";
        }

        return field.Type switch
        {
            FieldType.Datetime when SalesforceDate.TryParseDateTime((string?)value, out var time) =>
                time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            FieldType.Boolean => (bool)value ? "true" : "false",
            _ when field.Type.IsNumber() => value.ToJsonString(),
            _ => (string?)value ?? "",
        };
    }

    private static bool? TryBoolean(string text) => text.ToUpperInvariant() switch
    {
        "TRUE" or "1" => true,
        "FALSE" or "0" => false,
        _ => null,
    };

    private static string XsdType(FieldType type) => type switch
    {
        FieldType.Datetime => "dateTime",
        FieldType.Currency or FieldType.Percent => "double",
        _ => type.ToDescribeName(),
    };
}
