namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>
/// The records of one object: in creation order (the order a query without ORDER BY returns), and the stamped ones
/// by their <see cref="FeedKey"/> (SystemModstamp, Id), so a change query's range and order is a read of a sorted set,
/// not a filter and sort of every record. Callers hold the store's gate; a record's SystemModstamp only changes before
/// <see cref="RecordStore.Add"/> or followed by <see cref="RecordStore.Restamp"/>, which keep the two in step.
/// </summary>
internal sealed class SObjectTable
{
    private readonly List<SObjectRecord> _records = [];
    private readonly SortedSet<(FeedKey Key, SObjectRecord Record)> _feed = new(Comparer<(FeedKey Key, SObjectRecord Record)>.Create((a, b) => a.Key.CompareTo(b.Key)));

    /// <summary>Every record, deleted ones included, in creation order.</summary>
    public IReadOnlyList<SObjectRecord> Records => _records;

    /// <summary>Records whose SystemModstamp is empty or not a datetime (only a seed can make one): the feed leaves them out.</summary>
    public int Unstamped => _records.Count - _feed.Count;

    public void Add(SObjectRecord record)
    {
        _records.Add(record);
        Index(record);
    }

    /// <summary>Moves a record of this table to the place its current SystemModstamp gives it.</summary>
    public void Restamp(SObjectRecord record)
    {
        if (record.FeedKey is { } old)
        {
            _feed.Remove((old, record));
            record.FeedKey = null;
        }

        Index(record);
    }

    /// <summary>The stamped records with SystemModstamp in [<paramref name="from"/>, <paramref name="to"/>] (UTC ticks), in (SystemModstamp, Id) order.</summary>
    public IEnumerable<SObjectRecord> Range(long from, long to)
    {
        var (low, high) = (FeedKey.AtOrAfter(from), FeedKey.AtOrBefore(to));
        return low.CompareTo(high) >= 0 ? [] : _feed.GetViewBetween((low, null!), (high, null!)).Select(entry => entry.Record);
    }

    private void Index(SObjectRecord record)
    {
        if (record.SystemModstampOrNull is { } stamp)
        {
            var key = new FeedKey(stamp.UtcTicks, record.Id);
            _feed.Add((key, record));
            record.FeedKey = key;
        }
    }
}
