namespace SesamTalk.Testing.Custom.Emulation;

/// <summary>
/// The records of one type: by id, and their feed keys in feed order, so a change page is a range read after the
/// cursor (O(log n + page)), not a sort of every record. Callers hold the store's gate; a record's stamp only changes
/// through <see cref="Add"/> and <see cref="Restamp"/>, which keep the two in step.
/// </summary>
internal sealed class RecordTable
{
    private readonly Dictionary<string, StoredRecord> _byId = new(StringComparer.Ordinal);
    private readonly SortedSet<FeedKey> _feed = [];

    public IEnumerable<StoredRecord> Records => _byId.Values;

    public StoredRecord? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Adds a new record, stamped at <paramref name="stamp"/>.</summary>
    public void Add(StoredRecord record, DateTimeOffset stamp)
    {
        record.ModifiedAt = stamp;
        _byId.Add(record.Id, record);
        _feed.Add(FeedKey.Of(record));
    }

    /// <summary>Moves a record of this table to its new stamp in the feed.</summary>
    public void Restamp(StoredRecord record, DateTimeOffset stamp)
    {
        _feed.Remove(FeedKey.Of(record));
        record.ModifiedAt = stamp;
        _feed.Add(FeedKey.Of(record));
    }

    /// <summary>The records after <paramref name="after"/> (from the start when null) stamped before <paramref name="before"/>, in feed order.</summary>
    public IEnumerable<StoredRecord> Changes(ChangeCursor? after, DateTimeOffset before)
    {
        var from = after is { } cursor ? FeedKey.Of(cursor) : FeedKey.Start;
        var to = FeedKey.Before(before);
        return from.CompareTo(to) > 0 ? [] : _feed.GetViewBetween(from, to).Where(key => key != from).Select(key => _byId[key.Id]);
    }
}
