using System.Globalization;

namespace SesamTalk.Testing.SuperOffice.Data;

/// <summary>
/// SuperOffice's date forms: entities carry local time with an offset and seven fraction digits
/// (<c>2003-02-02T14:34:01.7525885+01:00</c>); archive rows carry UTC to the second without offset
/// (<c>2020-04-22T15:51:25</c>) and <c>0001-01-01T00:00:00</c> for "no date". Stored values are UTC round-trip strings.
/// </summary>
internal static class SoDate
{
    public const string NoDate = "0001-01-01T00:00:00";

    private static readonly string[] Formats =
    [
        "yyyy-M-d", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The stored form: UTC, round-trip.</summary>
    public static string Store(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Load(string stored) => DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The entity form in <paramref name="zone"/>.</summary>
    public static string Entity(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>The archive form: UTC to the second, no offset.</summary>
    public static string Archive(DateTimeOffset? value) =>
        value is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) : NoDate;

    /// <summary>Truncates to the second, the precision archive rows and <c>Last-Modified</c> show.</summary>
    public static DateTimeOffset ToSecond(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>
    /// Parses a request or filter date; without an offset it is taken as UTC. <c>0001-01-01…</c> parses as "no date"
    /// (<paramref name="value"/> null).
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (text is null || !DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        value = parsed.Year == 1 ? null : parsed.ToUniversalTime();
        return true;
    }
}
