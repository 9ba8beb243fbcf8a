using System.Globalization;
using System.Text.RegularExpressions;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>Exact Online's OData v2 date format: <c>/Date(1725977600000)/</c>, milliseconds since the Unix epoch (UTC).</summary>
public static partial class ExactWireFormat
{
    /// <summary>Formats a point in time as Exact Online writes it.</summary>
    /// <param name="value">The point in time.</param>
    public static string FormatDate(DateTimeOffset value) =>
        "/Date(" + value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ")/";

    /// <summary>Parses <c>/Date(ms)/</c>; an offset suffix such as <c>/Date(ms+0100)/</c> is accepted and the instant kept.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not an OData v2 date.</exception>
    public static DateTimeOffset ParseDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not an Exact Online date such as /Date(1725977600000)/.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Parses <c>/Date(ms)/</c> without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The point in time, when the text is an OData v2 date.</param>
    /// <returns>Whether the text is an OData v2 date.</returns>
    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = DatePattern().Match(text);
        if (match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            && ms >= MinMilliseconds && ms <= MaxMilliseconds)
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Formats a point in time as request bodies and <c>datetime'…'</c> filter literals take it: ISO 8601 in UTC
    /// without an offset, to the millisecond, e.g. <c>2024-09-10T14:20:17.005</c>.
    /// </summary>
    /// <param name="value">The point in time.</param>
    public static string FormatRequestDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private const long MinMilliseconds = -62_135_596_800_000;
    private const long MaxMilliseconds = 253_402_300_799_999;

    [GeneratedRegex(@"^/Date\((-?\d+)(?:[+-]\d{4})?\)/$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
