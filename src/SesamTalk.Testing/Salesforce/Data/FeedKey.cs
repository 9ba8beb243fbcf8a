namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>
/// A record's place in its object's change feed: SystemModstamp in UTC ticks, then the id (ordinal), the order of
/// <c>ORDER BY SystemModstamp, Id</c>.
/// </summary>
/// <param name="Ticks">SystemModstamp in UTC ticks.</param>
/// <param name="Id">The record's 18-character id.</param>
internal readonly record struct FeedKey(long Ticks, string Id) : IComparable<FeedKey>
{
    /// <summary>Before every record stamped at <paramref name="ticks"/> or later: ids are never empty.</summary>
    public static FeedKey AtOrAfter(long ticks) => new(ticks, "");

    /// <summary>After every record stamped at <paramref name="ticks"/> or earlier.</summary>
    public static FeedKey AtOrBefore(long ticks) => ticks == long.MaxValue ? new(long.MaxValue, "\uffff") : new(ticks + 1, "");

    public int CompareTo(FeedKey other)
    {
        var byStamp = Ticks.CompareTo(other.Ticks);
        return byStamp != 0 ? byStamp : string.CompareOrdinal(Id, other.Id);
    }
}
