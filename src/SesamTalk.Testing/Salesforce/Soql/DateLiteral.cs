using System.Globalization;

namespace SesamTalk.Testing.Salesforce.Soql;

/// <summary>
/// A relative date literal of SOQL (<c>TODAY</c>, <c>LAST_N_DAYS:7</c>, <c>THIS_MONTH</c>, ...): a range of whole days,
/// from <see cref="First"/> up to but not including <see cref="End"/>, counted from today as the page "Date Formats and
/// Date Literals" of the SOQL reference defines each. The emulated user's time zone is UTC and its locale's week starts
/// on Sunday (en_US); the org's fiscal year is the standard one that starts in January, so the FISCAL literals are the
/// calendar ones. <c>=</c> matches inside the range, <c>&lt;</c> before it, <c>&gt;</c> after it.
/// </summary>
internal readonly record struct DateLiteral(DateOnly First, DateOnly End)
{
    private static readonly HashSet<string> Plain =
    [
        "YESTERDAY", "TODAY", "TOMORROW", "LAST_WEEK", "THIS_WEEK", "NEXT_WEEK", "LAST_MONTH", "THIS_MONTH", "NEXT_MONTH",
        "LAST_90_DAYS", "NEXT_90_DAYS", "THIS_QUARTER", "LAST_QUARTER", "NEXT_QUARTER", "THIS_YEAR", "LAST_YEAR", "NEXT_YEAR",
        "THIS_FISCAL_QUARTER", "LAST_FISCAL_QUARTER", "NEXT_FISCAL_QUARTER", "THIS_FISCAL_YEAR", "LAST_FISCAL_YEAR", "NEXT_FISCAL_YEAR",
    ];

    private static readonly HashSet<string> Counted =
    [
        "LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO", "LAST_N_WEEKS", "NEXT_N_WEEKS", "N_WEEKS_AGO", "LAST_N_MONTHS", "NEXT_N_MONTHS",
        "N_MONTHS_AGO", "LAST_N_QUARTERS", "NEXT_N_QUARTERS", "N_QUARTERS_AGO", "LAST_N_YEARS", "NEXT_N_YEARS", "N_YEARS_AGO",
        "LAST_N_FISCAL_QUARTERS", "NEXT_N_FISCAL_QUARTERS", "N_FISCAL_QUARTERS_AGO", "LAST_N_FISCAL_YEARS", "NEXT_N_FISCAL_YEARS", "N_FISCAL_YEARS_AGO",
    ];

    /// <summary>Whether <paramref name="text"/> is a date literal: a plain one, or a counted one with <c>:n</c>.</summary>
    public static bool IsLiteral(string text) =>
        Split(text) is { } parts && (parts.Count is null ? Plain.Contains(parts.Name) : Counted.Contains(parts.Name));

    /// <summary>The range <paramref name="text"/> stands for on <paramref name="today"/>; null when it is no date literal.</summary>
    public static DateLiteral? Resolve(string text, DateOnly today)
    {
        if (!IsLiteral(text))
        {
            return null;
        }

        var (name, count) = Split(text)!.Value;
        var n = count ?? 0;
        var week = today.AddDays(-(int)today.DayOfWeek);
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var year = new DateOnly(today.Year, 1, 1);
        return name.Replace("_FISCAL", "", StringComparison.Ordinal) switch
        {
            "YESTERDAY" => Days(today.AddDays(-1), 1),
            "TODAY" => Days(today, 1),
            "TOMORROW" => Days(today.AddDays(1), 1),
            "LAST_WEEK" => Days(week.AddDays(-7), 7),
            "THIS_WEEK" => Days(week, 7),
            "NEXT_WEEK" => Days(week.AddDays(7), 7),
            "LAST_90_DAYS" => new DateLiteral(today.AddDays(-90), today.AddDays(1)),
            "NEXT_90_DAYS" => Days(today.AddDays(1), 90),
            "LAST_N_DAYS" => new DateLiteral(today.AddDays(-n), today.AddDays(1)),
            "NEXT_N_DAYS" => Days(today.AddDays(1), n),
            "N_DAYS_AGO" => Days(today.AddDays(-n), 1),
            "LAST_N_WEEKS" => new DateLiteral(week.AddDays(-7 * n), week),
            "NEXT_N_WEEKS" => Days(week.AddDays(7), 7 * n),
            "N_WEEKS_AGO" => Days(week.AddDays(-7 * n), 7),
            "LAST_MONTH" => Months(month.AddMonths(-1), 1),
            "THIS_MONTH" => Months(month, 1),
            "NEXT_MONTH" => Months(month.AddMonths(1), 1),
            "LAST_N_MONTHS" => new DateLiteral(month.AddMonths(-n), month),
            "NEXT_N_MONTHS" => Months(month.AddMonths(1), n),
            "N_MONTHS_AGO" => Months(month.AddMonths(-n), 1),
            "LAST_QUARTER" => Months(quarter.AddMonths(-3), 3),
            "THIS_QUARTER" => Months(quarter, 3),
            "NEXT_QUARTER" => Months(quarter.AddMonths(3), 3),
            "LAST_N_QUARTERS" => new DateLiteral(quarter.AddMonths(-3 * n), quarter),
            "NEXT_N_QUARTERS" => Months(quarter.AddMonths(3), 3 * n),
            "N_QUARTERS_AGO" => Months(quarter.AddMonths(-3 * n), 3),
            "LAST_YEAR" => Months(year.AddYears(-1), 12),
            "THIS_YEAR" => Months(year, 12),
            "NEXT_YEAR" => Months(year.AddYears(1), 12),
            "LAST_N_YEARS" => new DateLiteral(year.AddYears(-n), year),
            "NEXT_N_YEARS" => Months(year.AddYears(1), 12 * n),
            _ => Months(year.AddYears(-n), 12), // N_YEARS_AGO
        };
    }

    /// <summary>-1 when <paramref name="value"/> (a date, or a datetime read in UTC) lies before the range, 0 inside it, 1 after it.</summary>
    public int Locate(object value)
    {
        var day = value switch
        {
            DateOnly date => date,
            DateTimeOffset time => DateOnly.FromDateTime(time.UtcDateTime),
            _ => throw new ArgumentException($"A date literal compares with dates and datetimes, not {value.GetType().Name}.", nameof(value)),
        };
        return day < First ? -1 : day >= End ? 1 : 0;
    }

    private static DateLiteral Days(DateOnly first, int days) => new(first, first.AddDays(days));

    private static DateLiteral Months(DateOnly first, int months) => new(first, first.AddMonths(months));

    /// <summary>The name and, for <c>NAME:n</c>, the count (a whole number of at most 9 digits); null when the form is wrong.</summary>
    private static (string Name, int? Count)? Split(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (text.ToUpperInvariant(), null);
        }

        var digits = text[(colon + 1)..];
        return digits.Length is > 0 and <= 9 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (text[..colon].ToUpperInvariant(), n)
            : null;
    }
}
