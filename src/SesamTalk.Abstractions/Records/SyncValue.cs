using System.Globalization;

namespace SesamTalk;

/// <summary>
/// One field value of a <see cref="SyncRecord"/>, independent of any wire format. Connectors turn the remote
/// API's JSON into these values (Salesforce <c>+0000</c> datetimes, Exact Online <c>/Date(ms)/</c>, ...), and
/// generated mappers turn them into the host's property types without reflection.
/// </summary>
public readonly partial struct SyncValue : IEquatable<SyncValue>
{
    private readonly object? _value;

    private SyncValue(SyncValueKind kind, object? value)
    {
        Kind = kind;
        _value = value;
    }

    /// <summary>The null value.</summary>
    public static SyncValue Null => default;

    /// <summary>What this value holds.</summary>
    public SyncValueKind Kind { get; }

    /// <summary>Whether this is the null value.</summary>
    public bool IsNull => Kind == SyncValueKind.Null;

    /// <summary>Whether this value is null or an empty string: "empty", which never overwrites a value.</summary>
    public bool IsEmpty => Kind == SyncValueKind.Null || (Kind == SyncValueKind.String && ((string)_value!).Length == 0);

    /// <summary>A text value, or <see cref="Null"/> for <see langword="null"/>.</summary>
    public static SyncValue From(string? value) => value is null ? Null : new(SyncValueKind.String, value);

    /// <summary>A boolean value.</summary>
    public static SyncValue From(bool value) => new(SyncValueKind.Boolean, value ? BoxedTrue : BoxedFalse);

    /// <summary>A boolean value, or <see cref="Null"/>.</summary>
    public static SyncValue From(bool? value) => value.HasValue ? From(value.Value) : Null;

    /// <summary>A number.</summary>
    public static SyncValue From(decimal value) => new(SyncValueKind.Number, value);

    /// <summary>A number, or <see cref="Null"/>.</summary>
    public static SyncValue From(decimal? value) => value.HasValue ? From(value.Value) : Null;

    /// <summary>A number.</summary>
    public static SyncValue From(int value) => From((decimal)value);

    /// <summary>A number, or <see cref="Null"/>.</summary>
    public static SyncValue From(int? value) => value.HasValue ? From((decimal)value.Value) : Null;

    /// <summary>A number.</summary>
    public static SyncValue From(long value) => From((decimal)value);

    /// <summary>A number, or <see cref="Null"/>.</summary>
    public static SyncValue From(long? value) => value.HasValue ? From((decimal)value.Value) : Null;

    /// <summary>A number. Throws <see cref="SyncValueException"/> for NaN, infinity or a value beyond <see cref="decimal"/>'s range.</summary>
    public static SyncValue From(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > (double)decimal.MaxValue)
        {
            throw new SyncValueException($"The number {value.ToString("R", CultureInfo.InvariantCulture)} cannot be synced: it is not a finite decimal.");
        }

        return From((decimal)value);
    }

    /// <summary>A number, or <see cref="Null"/>.</summary>
    public static SyncValue From(double? value) => value.HasValue ? From(value.Value) : Null;

    /// <summary>A point in time, normalised to UTC.</summary>
    public static SyncValue From(DateTimeOffset value) => new(SyncValueKind.DateTime, value.ToUniversalTime());

    /// <summary>A point in time, or <see cref="Null"/>.</summary>
    public static SyncValue From(DateTimeOffset? value) => value.HasValue ? From(value.Value) : Null;

    /// <summary>
    /// A point in time. A <see cref="DateTimeKind.Unspecified"/> value is taken as UTC, the convention of every
    /// remote API SesamTalk speaks; a <see cref="DateTimeKind.Local"/> value is converted.
    /// </summary>
    public static SyncValue From(DateTime value) => From(value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    });

    /// <summary>A point in time, or <see cref="Null"/>.</summary>
    public static SyncValue From(DateTime? value) => value.HasValue ? From(value.Value) : Null;

    /// <summary>A unique identifier, held as its lower-case text form.</summary>
    public static SyncValue From(Guid value) => From(value.ToString("D"));

    /// <summary>A unique identifier, or <see cref="Null"/>.</summary>
    public static SyncValue From(Guid? value) => value.HasValue ? From(value.Value) : Null;

    /// <summary>A calendar date (the time of day is dropped).</summary>
    public static SyncValue FromDate(DateTime date) => new(SyncValueKind.Date, DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified));

    /// <summary>A collection of child records; <see langword="null"/> gives <see cref="Null"/>.</summary>
    public static SyncValue From(IReadOnlyList<SyncRecord>? records) => records is null ? Null : new(SyncValueKind.Records, records);

    /// <inheritdoc />
    public bool Equals(SyncValue other) => Kind == other.Kind && Kind switch
    {
        SyncValueKind.Null => true,
        SyncValueKind.String => string.Equals((string)_value!, (string)other._value!, StringComparison.Ordinal),
        SyncValueKind.Records => ReferenceEquals(_value, other._value),
        _ => _value!.Equals(other._value),
    };

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SyncValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : ((int)Kind * 397) ^ _value.GetHashCode();

    /// <summary>Compares two values.</summary>
    public static bool operator ==(SyncValue left, SyncValue right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    public static bool operator !=(SyncValue left, SyncValue right) => !left.Equals(right);

    /// <summary>The value in its canonical, culture-invariant text form (the form fingerprints hash).</summary>
    public override string ToString() => SyncValueText.Canonical(this);

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;
}
