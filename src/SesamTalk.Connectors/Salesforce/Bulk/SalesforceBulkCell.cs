using System.Globalization;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Values as Bulk API 2.0 CSV writes them. Uploads: <c>#N/A</c> sets a field to null (an empty cell leaves it as it
/// is), so null and text Salesforce would store as null (empty or blank) go as <c>#N/A</c>; dates, instants, numbers and
/// booleans in Salesforce's formats. Query results: typed by the field's describe type into the same values a REST
/// read gives (<see cref="SalesforceRecordReader"/>); an empty cell is null, since Salesforce stores no empty text.
/// </summary>
internal static class SalesforceBulkCell
{
    /// <summary>The cell that sets a field to null.</summary>
    public const string Null = "#N/A";

    public static string Write(SyncValue value) => value.Kind switch
    {
        SyncValueKind.Null => Null,
        SyncValueKind.Boolean => value.AsBoolean() == true ? "true" : "false",
        SyncValueKind.Number => value.AsDecimal()!.Value.ToString(CultureInfo.InvariantCulture),
        SyncValueKind.DateTime => SalesforceWireFormat.FormatDateTime(value.AsDateTimeOffset()!.Value),
        SyncValueKind.Date => SalesforceWireFormat.FormatDate(value.AsDateOnly()!.Value),
        SyncValueKind.Records => throw new ArgumentException("Child records are written by the connector, not as a cell.", nameof(value)),
        _ => value.AsString() is { } text && text.Any(c => c > ' ') ? text : Null,
    };

    /// <summary>A query-result cell as the value a REST read of the field gives.</summary>
    public static SyncValue Read(string cell, string? fieldType)
    {
        if (cell.Length == 0)
        {
            return SyncValue.Null;
        }

        return fieldType switch
        {
            "boolean" when bool.TryParse(cell, out var flag) => SyncValue.From(flag),
            "int" or "double" or "currency" or "percent" when decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => SyncValue.From(number),
            _ => SalesforceRecordReader.Text(cell, fieldType),
        };
    }
}
