using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Data;

namespace SesamTalk.Testing.SuperOffice.Archive;

/// <summary>A column's value in a row: as the row shows it, and as filters and <c>$orderBy</c> compare it.</summary>
internal static class ArchiveValue
{
    /// <summary>The row form: empty values become 0, "", false or <c>0001-01-01T00:00:00</c>, as the recorded archive rows show.</summary>
    public static JsonNode? Row(EntityRecord record, ArchiveColumn column)
    {
        var value = record[column.Field];
        return column.Kind switch
        {
            ColumnKind.Int => value is null ? 0 : value.DeepClone(),
            ColumnKind.Double => value is null ? 0d : value.DeepClone(),
            ColumnKind.Text => value is null ? "" : value.DeepClone(),
            ColumnKind.Bool => value is not null && (bool)value,
            _ => SoDate.Archive(Date(value)),
        };
    }

    /// <summary>The comparable form: long, double, string, bool or a UTC time truncated to the second (the archive's precision).</summary>
    public static IComparable Comparable(EntityRecord record, ArchiveColumn column)
    {
        var value = record[column.Field];
        return column.Kind switch
        {
            ColumnKind.Int => value is null ? 0L : (long)(int)value,
            ColumnKind.Double => value is null ? 0d : (double)value,
            ColumnKind.Text => value is null ? "" : (string)value!,
            ColumnKind.Bool => value is not null && (bool)value,
            _ => Date(value) is { } at ? SoDate.ToSecond(at) : DateTimeOffset.MinValue,
        };
    }

    /// <summary>Parses a filter literal for a column; null when it does not fit the column's type.</summary>
    public static IComparable? Literal(ArchiveColumn column, string text) => column.Kind switch
    {
        ColumnKind.Int => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : null,
        ColumnKind.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null,
        ColumnKind.Text => text,
        ColumnKind.Bool => text switch { "1" or "true" or "True" => true, "0" or "false" or "False" => false, _ => null },
        _ => SoDate.TryParse(text, out var at) ? at ?? DateTimeOffset.MinValue : null,
    };

    public static int Compare(IComparable left, IComparable right) =>
        left is string a && right is string b ? string.Compare(a, b, StringComparison.OrdinalIgnoreCase) : left.CompareTo(right);

    private static DateTimeOffset? Date(JsonNode? value) => value is null ? null : SoDate.Load((string)value!);
}
