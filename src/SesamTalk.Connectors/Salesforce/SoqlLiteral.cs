using System.Globalization;
using System.Text;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>SOQL literals: quoted, escaped text; unquoted numbers, booleans, dates and UTC datetimes.</summary>
internal static class SoqlLiteral
{
    /// <summary>A datetime literal, e.g. <c>2024-09-10T14:20:17Z</c>.</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A quoted string literal with SOQL's escapes (backslash first, then quotes and control characters).</summary>
    public static string Text(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '"' => "\\\"",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\b' => @"\b",
                '\f' => @"\f",
                _ => c.ToString(),
            });
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>The literal for a scalar value of the kind it holds.</summary>
    public static string Of(SyncValue value) => value.Kind switch
    {
        SyncValueKind.Null => "null",
        SyncValueKind.Boolean => value.AsBoolean() == true ? "true" : "false",
        SyncValueKind.Number => value.AsDecimal()!.Value.ToString(CultureInfo.InvariantCulture),
        SyncValueKind.DateTime => DateTime(value.AsDateTimeOffset()!.Value),
        SyncValueKind.Date => value.AsDate()!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SyncValueKind.Records => throw new ArgumentException("Child records cannot be a SOQL literal.", nameof(value)),
        _ => Text(value.AsString()!),
    };
}
