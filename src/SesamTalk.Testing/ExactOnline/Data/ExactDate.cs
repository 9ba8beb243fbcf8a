using System.Globalization;
using System.Text.RegularExpressions;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>
/// Exact Online's date formats: responses carry <c>"/Date(1382667872203)/"</c> (UTC epoch milliseconds), requests
/// send ISO 8601 (<c>"2012-10-26T00:00:00"</c>), filters use <c>datetime'2014-01-01T10:00:00'</c> literals.
/// </summary>
internal static partial class ExactDate
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The response form of a point in time, to the millisecond.</summary>
    public static string Format(DateTimeOffset value) =>
        string.Create(CultureInfo.InvariantCulture, $"/Date({value.ToUnixTimeMilliseconds()})/");

    /// <summary>Parses the response form.</summary>
    public static bool TryParseWire(string? text, out DateTimeOffset value)
    {
        var match = text is null ? null : WirePattern().Match(text);
        if (match is { Success: true } && long.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses a request value: ISO 8601 (without offset: UTC) or the response form.</summary>
    public static bool TryParseRequest(string? text, out DateTimeOffset value) =>
        TryParseWire(text, out value) || TryParseIso(text, out value);

    /// <summary>Parses the text of a <c>datetime'…'</c> filter literal.</summary>
    public static bool TryParseIso(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>Exact keeps milliseconds; anything finer is dropped so that stored and returned values compare equal.</summary>
    public static DateTimeOffset TruncateToMillisecond(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    [GeneratedRegex(@"^/Date\((-?\d+)([+-]\d{4})?\)/$")]
    private static partial Regex WirePattern();
}
