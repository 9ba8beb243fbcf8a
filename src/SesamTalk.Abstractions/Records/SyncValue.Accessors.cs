using System.Globalization;

namespace SesamTalk;

// Typed reads. Each returns null for the null value and throws SyncValueException, naming both kinds, when the
// value cannot become the asked type. Generated mappers wrap that in a SyncMappingException naming the record
// and the field.
public readonly partial struct SyncValue
{
    /// <summary>The text; numbers, booleans and dates give their canonical text form.</summary>
    public string? AsString() => Kind switch
    {
        SyncValueKind.Null => null,
        SyncValueKind.String => (string)_value!,
        SyncValueKind.Records => throw Mismatch("text"),
        _ => SyncValueText.Canonical(this),
    };

    /// <summary>The boolean; the texts <c>true</c> and <c>false</c> are accepted.</summary>
    public bool? AsBoolean() => Kind switch
    {
        SyncValueKind.Null => null,
        SyncValueKind.Boolean => (bool)_value!,
        SyncValueKind.String when bool.TryParse((string)_value!, out var parsed) => parsed,
        _ => throw Mismatch("a boolean"),
    };

    /// <summary>The number; invariant numeric text is accepted.</summary>
    public decimal? AsDecimal() => Kind switch
    {
        SyncValueKind.Null => null,
        SyncValueKind.Number => (decimal)_value!,
        SyncValueKind.String when decimal.TryParse((string)_value!, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Mismatch("a number"),
    };

    /// <summary>The number as a <see cref="double"/>.</summary>
    public double? AsDouble() => AsDecimal() is { } value ? (double)value : null;

    /// <summary>The number as an <see cref="int"/>; a fraction or a value out of range throws.</summary>
    public int? AsInt32()
    {
        if (AsDecimal() is not { } value)
        {
            return null;
        }

        if (value != decimal.Truncate(value) || value < int.MinValue || value > int.MaxValue)
        {
            throw Mismatch("a whole number between -2147483648 and 2147483647");
        }

        return (int)value;
    }

    /// <summary>The number as a <see cref="long"/>; a fraction or a value out of range throws.</summary>
    public long? AsInt64()
    {
        if (AsDecimal() is not { } value)
        {
            return null;
        }

        if (value != decimal.Truncate(value) || value < long.MinValue || value > long.MaxValue)
        {
            throw Mismatch("a whole number in the range of a 64-bit integer");
        }

        return (long)value;
    }

    /// <summary>The point in time (UTC); a date gives midnight UTC, and ISO 8601 text is accepted.</summary>
    public DateTimeOffset? AsDateTimeOffset() => Kind switch
    {
        SyncValueKind.Null => null,
        SyncValueKind.DateTime => (DateTimeOffset)_value!,
        SyncValueKind.Date => new DateTimeOffset((DateTime)_value!, TimeSpan.Zero),
        SyncValueKind.String when SyncValueText.TryParseDateTime((string)_value!, out var parsed) => parsed,
        _ => throw Mismatch("a date and time"),
    };

    /// <summary>The point in time as a UTC <see cref="DateTime"/>.</summary>
    public DateTime? AsDateTime() => AsDateTimeOffset()?.UtcDateTime;

    /// <summary>The calendar date as a <see cref="DateTime"/> at midnight; a point in time gives its UTC date.</summary>
    public DateTime? AsDate() => Kind switch
    {
        SyncValueKind.Null => null,
        SyncValueKind.Date => (DateTime)_value!,
        SyncValueKind.DateTime => ((DateTimeOffset)_value!).UtcDateTime.Date,
        SyncValueKind.String when SyncValueText.TryParseDate((string)_value!, out var parsed) => parsed,
        _ => throw Mismatch("a date"),
    };

    /// <summary>The unique identifier parsed from text.</summary>
    public Guid? AsGuid() => Kind switch
    {
        SyncValueKind.Null => null,
        SyncValueKind.String when Guid.TryParse((string)_value!, out var parsed) => parsed,
        _ => throw Mismatch("a GUID"),
    };

    /// <summary>The child records.</summary>
    public IReadOnlyList<SyncRecord>? AsRecords() => Kind switch
    {
        SyncValueKind.Null => null,
        SyncValueKind.Records => (IReadOnlyList<SyncRecord>)_value!,
        _ => throw Mismatch("a collection of records"),
    };

    private SyncValueException Mismatch(string expected) =>
        new($"Expected {expected} but found {Describe()}.");

    /// <summary>A short description for error messages, e.g. <c>text "abc"</c>; long texts are cut.</summary>
    internal string Describe() => Kind switch
    {
        SyncValueKind.Null => "null",
        SyncValueKind.String => "text \"" + Shorten((string)_value!) + "\"",
        SyncValueKind.Records => "a collection of " + ((IReadOnlyList<SyncRecord>)_value!).Count.ToString(CultureInfo.InvariantCulture) + " records",
        _ => Kind.ToString().ToLowerInvariant() + " " + SyncValueText.Canonical(this),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Remove(37) + "...";
}
