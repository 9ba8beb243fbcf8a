using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Soql;

/// <summary>Typed values for SOQL filters and ordering: literals checked against field types, stored values compared.</summary>
internal static class SoqlValues
{
    /// <summary>Converts a literal for a field, failing with Salesforce's INVALID_FIELD message on a type mismatch.</summary>
    public static object? Literal(FieldSchema field, SoqlToken token)
    {
        if (token.Is("null"))
        {
            return null;
        }

        var type = field.Type;
        object? value = type switch
        {
            _ when type.IsText() || type.IsId() => token.Kind == SoqlTokenKind.String ? IdOrText(type, token.Text) : null,
            FieldType.Boolean => token.Is("true") ? true : token.Is("false") ? false : null,
            FieldType.Date => token.Kind == SoqlTokenKind.Date ? DateOnly.ParseExact(token.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            FieldType.Datetime => token.Kind == SoqlTokenKind.DateTime && SalesforceDate.TryParseDateTime(token.Text, out var time) ? time : null,
            _ when type.IsNumber() => token.Kind == SoqlTokenKind.Number ? double.Parse(token.Text, CultureInfo.InvariantCulture) : null,
            _ => null,
        };
        if (value is not null)
        {
            return value;
        }

        var quoted = type.IsText() || type.IsId();
        var typeName = type switch
        {
            FieldType.Datetime => "dateTime",
            _ when type.IsText() || type.IsId() => "string",
            _ => type.ToDescribeName(),
        };
        throw ApiException.BadRequest(
            "INVALID_FIELD",
            $"value of filter criterion for field '{field.Name}' must be of type {typeName} and should {(quoted ? "" : "not ")}be enclosed in quotes");
    }

    /// <summary>A stored JSON value as a comparable object of the field's type.</summary>
    public static object? Stored(FieldSchema field, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        return field.Type switch
        {
            FieldType.Boolean => (bool)node,
            FieldType.Date => DateOnly.ParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            FieldType.Datetime => SalesforceDate.TryParseDateTime((string?)node, out var time) ? time : null,
            _ when field.Type.IsNumber() => (double)node,
            _ when field.Type.IsCompound() => null,
            _ => (string?)node,
        };
    }

    /// <summary>Compares two values of one field; text compares case-insensitively as in SOQL, ids exactly.</summary>
    public static int Compare(FieldSchema field, object? left, object? right) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string a, string b) => field.Type.IsId() ? string.CompareOrdinal(a, b) : string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
        (IComparable a, _) => a.CompareTo(right),
        _ => 0,
    };

    /// <summary>LIKE with % and _ wildcards (and \% \_ for literal ones), case-insensitive.</summary>
    public static bool Like(string? value, string pattern)
    {
        if (value is null)
        {
            return false;
        }

        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            regex.Append(c switch
            {
                '\\' when i + 1 < pattern.Length => Regex.Escape(pattern[++i].ToString()),
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return Regex.IsMatch(value, regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary>Id literals may be 15 or 18 characters; stored ids are 18, so 15-character ones are widened.</summary>
    private static string IdOrText(FieldType type, string text) =>
        type.IsId() ? SalesforceId.Normalize(text) ?? text : text;
}
