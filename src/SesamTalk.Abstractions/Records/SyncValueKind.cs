namespace SesamTalk;

/// <summary>The kind of value a <see cref="SyncValue"/> holds.</summary>
public enum SyncValueKind
{
    /// <summary>No value (JSON <c>null</c>).</summary>
    Null = 0,

    /// <summary>Text.</summary>
    String = 1,

    /// <summary>A boolean.</summary>
    Boolean = 2,

    /// <summary>A number of any kind (integers, decimals, currency, percent), held as <see cref="decimal"/>.</summary>
    Number = 3,

    /// <summary>A point in time, held as a UTC <see cref="DateTimeOffset"/>.</summary>
    DateTime = 4,

    /// <summary>A calendar date without time.</summary>
    Date = 5,

    /// <summary>A collection of child records (e.g. order lines).</summary>
    Records = 6,
}
