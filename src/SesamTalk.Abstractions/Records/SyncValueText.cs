using System.Globalization;
using System.Text.RegularExpressions;

namespace SesamTalk;

/// <summary>Canonical text forms and lenient parsing of the date formats the supported APIs send.</summary>
internal static class SyncValueText
{
    // Salesforce sends "+0000"; DateTimeOffset parsing wants "+00:00".
    private static readonly Regex OffsetWithoutColon = new(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant);

    // Exact Online (OData v2) sends "/Date(1725977600000)/", optionally with an offset suffix.
    private static readonly Regex MicrosoftJsonDate = new(@"^/Date\((-?\d+)([+-]\d{4})?\)/$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The value as fingerprints see it: invariant culture, numbers without trailing zeros, points in time in UTC
    /// to the millisecond (the finest precision every supported API keeps), dates as <c>yyyy-MM-dd</c>.
    /// </summary>
    public static string Canonical(SyncValue value) => value.Kind switch
    {
        SyncValueKind.Null => string.Empty,
        SyncValueKind.String => value.AsString()!,
        SyncValueKind.Boolean => value.AsBoolean()!.Value ? "true" : "false",
        SyncValueKind.Number => CanonicalNumber(value.AsDecimal()!.Value),
        SyncValueKind.DateTime => value.AsDateTimeOffset()!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        SyncValueKind.Date => value.AsDate()!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => "[" + value.AsRecords()!.Count.ToString(CultureInfo.InvariantCulture) + " records]",
    };

    private static string CanonicalNumber(decimal number) =>
        number == 0m ? "0" : number.ToString("0.############################", CultureInfo.InvariantCulture);

    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        var match = MicrosoftJsonDate.Match(text);
        if (match.Success)
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            return true;
        }

        var normalised = OffsetWithoutColon.Replace(text, "$1:$2");
        if (DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return false;
    }

    public static bool TryParseDate(string text, out DateTime value)
    {
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        if (TryParseDateTime(text, out var moment))
        {
            value = moment.UtcDateTime.Date;
            return true;
        }

        return false;
    }
}
