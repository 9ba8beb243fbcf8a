#if NET6_0_OR_GREATER
namespace SesamTalk;

// DateOnly exists from .NET 6 on; hosts on older frameworks use DateTime with SyncValue.FromDate.
public readonly partial struct SyncValue
{
    /// <summary>A calendar date.</summary>
    public static SyncValue From(DateOnly value) => FromDate(value.ToDateTime(TimeOnly.MinValue));

    /// <summary>A calendar date, or <see cref="Null"/>.</summary>
    public static SyncValue From(DateOnly? value) => value.HasValue ? From(value.Value) : Null;

    /// <summary>The calendar date.</summary>
    public DateOnly? AsDateOnly() => AsDate() is { } date ? DateOnly.FromDateTime(date) : null;
}
#endif
