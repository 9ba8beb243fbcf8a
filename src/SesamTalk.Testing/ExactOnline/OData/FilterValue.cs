using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.OData;

/// <summary>The value kinds a filter compares; <see cref="Null"/> is the <c>null</c> literal, compatible with every kind.</summary>
internal enum ValueKind
{
    Null,
    String,
    Guid,
    Number,
    DateTime,
    Boolean,
}

/// <summary>Reads field values for filtering and compares filter values.</summary>
internal static class FilterValue
{
    /// <summary>The CLR type name WCF Data Services reports in incompatible-operand errors.</summary>
    public static string ClrName(ValueKind kind) => kind switch
    {
        ValueKind.String => "System.String",
        ValueKind.Guid => "System.Guid",
        ValueKind.Number => "System.Double",
        ValueKind.DateTime => "System.DateTime",
        ValueKind.Boolean => "System.Boolean",
        _ => "null",
    };

    public static ValueKind KindOf(EdmType type) => type switch
    {
        EdmType.Guid => ValueKind.Guid,
        EdmType.Int32 or EdmType.Double => ValueKind.Number,
        EdmType.Boolean => ValueKind.Boolean,
        EdmType.DateTime => ValueKind.DateTime,
        _ => ValueKind.String,
    };

    /// <summary>A stored wire value as a comparable CLR value (Guid, double, DateTimeOffset, bool, string) or null.</summary>
    public static object? Read(JsonNode? node, ValueKind kind)
    {
        if (node is null)
        {
            return null;
        }

        return kind switch
        {
            ValueKind.Guid => Guid.Parse((string)node!),
            ValueKind.Number => ParseNumber(node.ToJsonString()),
            ValueKind.Boolean => (bool)node!,
            ValueKind.DateTime => ExactDate.TryParseWire((string?)node, out var at) ? at : null,
            _ => (string?)node,
        };
    }

    public static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Compares two non-null values of compatible kinds; strings compare case-insensitively as Exact's database does.</summary>
    public static int Compare(object left, object right) => (left, right) switch
    {
        (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
        (Guid a, Guid b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        _ => string.Compare(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture), StringComparison.Ordinal),
    };
}
