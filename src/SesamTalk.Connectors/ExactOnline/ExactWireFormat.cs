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

    [GeneratedRegex(@"^/Date\((-?\d+)(?:[+-]\d{4})?\)/$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
