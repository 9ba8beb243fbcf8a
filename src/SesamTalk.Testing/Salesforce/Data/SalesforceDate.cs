using System.Globalization;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>Salesforce date and datetime wire formats.</summary>
internal static class SalesforceDate
{
    private static readonly string[] DateTimeInputFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
    ];

    /// <summary>Writes a datetime the way every REST response does: UTC, milliseconds, "+0000".</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses a datetime as the API accepts it (offset "+01:00", "+0100" or "Z"; milliseconds optional).</summary>
    public static bool TryParseDateTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, DateTimeInputFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>Parses a date; the API allows no time and no offset.</summary>
    public static bool TryParseDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>
    /// Salesforce stores datetimes to the second, its audit stamps and datetime fields alike: every recorded payload
    /// shows ".000", and milliseconds written to a datetime field are dropped, not rounded. Keeping that precision also
    /// makes equal timestamps as common here as in a real org.
    /// </summary>
    public static DateTimeOffset TruncateToSecond(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>getUpdated and getDeleted ignore seconds (12:30:15 becomes 12:30:00).</summary>
    public static DateTimeOffset TruncateToMinute(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
