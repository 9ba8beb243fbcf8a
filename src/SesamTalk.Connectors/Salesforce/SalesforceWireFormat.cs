using System.Globalization;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Salesforce REST's value formats: datetimes as <c>2024-09-10T14:20:17.000+0000</c> (UTC, milliseconds, an offset
/// without a colon) and dates as <c>2024-09-10</c>.
/// </summary>
public static class SalesforceWireFormat
{
    /// <summary>Formats a point in time the way Salesforce writes it.</summary>
    /// <param name="value">The point in time.</param>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>Formats a date the way Salesforce writes it.</summary>
    /// <param name="value">The date.</param>
    public static string FormatDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses a Salesforce datetime (<c>+0000</c>, <c>Z</c> or <c>+00:00</c> offsets).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a Salesforce datetime.</exception>
    public static DateTimeOffset ParseDateTime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ssK"];
        var normalised = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') ? text.Insert(text.Length - 2, ":") : text;
        if (DateTimeOffset.TryParseExact(normalised, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        throw new FormatException($"'{text}' is not a Salesforce datetime such as 2024-09-10T14:20:17.000+0000.");
    }
}
