namespace SesamTalk.Testing.Custom.Emulation;

/// <summary>A record's place in its type's change feed: the stamp's UTC ticks, then the id (ordinal), as <see cref="ChangeCursor"/> orders.</summary>
/// <param name="Ticks">The modification stamp in UTC ticks.</param>
/// <param name="Id">The record's id.</param>
internal readonly record struct FeedKey(long Ticks, string Id) : IComparable<FeedKey>
{
    /// <summary>Before every record: ids are never empty.</summary>
    public static FeedKey Start { get; } = new(long.MinValue, "");

    public static FeedKey Of(StoredRecord record) => new(record.ModifiedAt.UtcTicks, record.Id);

    public static FeedKey Of(ChangeCursor cursor) => new(cursor.ModifiedAt.UtcTicks, cursor.Id);

    /// <summary>After every record stamped before <paramref name="stamp"/> and before every record stamped at it: ids are never empty.</summary>
    public static FeedKey Before(DateTimeOffset stamp) => new(stamp.UtcTicks, "");

    public int CompareTo(FeedKey other)
    {
        var byStamp = Ticks.CompareTo(other.Ticks);
        return byStamp != 0 ? byStamp : string.CompareOrdinal(Id, other.Id);
    }
}
