using System.Globalization;
using System.Text;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The (SystemModstamp, Id) pairs a change feed already delivered inside its overlap window, carried in the cursor so
/// that a read that starts <see cref="SalesforceOptions.ChangeOverlap"/> early skips the records it already delivered
/// without asking anyone: a record committed late (a pair never delivered) and a record changed again (a newer stamp)
/// still come. The pairs follow the cursor's position after a <c>|</c>, grouped by stamp, each group the milliseconds
/// before the position's stamp and its ids: <c>…/001…|0:001a,001b;60000:001c</c>. A cursor without them (from before
/// they existed) re-reads the whole window once.
/// </summary>
/// <remarks>
/// Records at the position's own stamp are never remembered: SystemModstamp keeps whole seconds, so an edit made in the
/// second a read ran carries the pair that read delivered, and only re-reading that second finds it. A window of more
/// than <see cref="Capacity"/> pairs keeps the latest ones; the older ones are re-read, as without the memory. A cursor
/// carries only pairs of pages it is committed with or after, so no record is skipped that a committed page did not hold.
/// </remarks>
internal sealed class SalesforceOverlapMemory
{
    /// <summary>What separates the cursor's position from the remembered pairs.</summary>
    public const char Separator = '|';

    /// <summary>The most pairs one cursor carries (about 20 bytes each).</summary>
    public const int Capacity = 5_000;

    /// <summary>How many pairs <see cref="Remember"/> lets the memory hold before it forgets those no cursor would carry.</summary>
    private const int PruneAt = 4 * Capacity;

    private readonly TimeSpan _overlap;
    private readonly HashSet<(DateTimeOffset Stamp, string Id)> _pairs = [];
    private DateTimeOffset _latest = DateTimeOffset.MinValue;
    private int _pruneAt = PruneAt;

    private SalesforceOverlapMemory(TimeSpan overlap) => _overlap = overlap;

    /// <summary>How many pairs the memory holds now.</summary>
    public int Count => _pairs.Count;

    /// <summary>The pairs <paramref name="cursor"/> carries (none when it is null or carries none).</summary>
    /// <exception cref="FormatException">The pairs are not in the form <see cref="Cursor"/> writes.</exception>
    public static SalesforceOverlapMemory Read(string? cursor, TimeSpan overlap)
    {
        var memory = new SalesforceOverlapMemory(overlap);
        var parts = cursor?.Split(Separator, 2);
        if (parts is [var position, var pairs])
        {
            var stamp = SalesforceChangeCursor.Parse(position).Modstamp;
            foreach (var group in pairs.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = group.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || !long.TryParse(group.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var before))
                {
                    throw new FormatException($"'{group}' in a Salesforce change cursor is not milliseconds:ids.");
                }

                foreach (var id in group[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    memory._pairs.Add((stamp.AddMilliseconds(-before), id));
                }
            }
        }

        return memory;
    }

    /// <summary>The records of <paramref name="records"/> whose pair was not delivered before.</summary>
    public List<SyncRecord> Unseen(IEnumerable<SyncRecord> records) =>
        [.. records.Where(record => !_pairs.Contains(Pair(SalesforceChangeCursor.After(record))))];

    /// <summary>
    /// Remembers <paramref name="records"/> as delivered. A read that delivers many sets before it writes a cursor (a
    /// query job's, in no order) would otherwise hold the pair of every record it read: the memory forgets, as it goes,
    /// the pairs no cursor after the latest stamp read could carry (outside its window, or beyond the latest
    /// <see cref="Capacity"/>). Forgetting is always safe: a pair forgotten is a record read again, not one skipped.
    /// </summary>
    public void Remember(IEnumerable<SyncRecord> records)
    {
        foreach (var record in records)
        {
            var pair = Pair(SalesforceChangeCursor.After(record));
            _pairs.Add(pair);
            _latest = pair.Stamp > _latest ? pair.Stamp : _latest;
        }

        if (_pairs.Count > _pruneAt)
        {
            Prune(_latest);
            _pruneAt = Math.Max(PruneAt, 2 * _pairs.Count); // records of one second are all kept: prune again only when they doubled
        }
    }

    /// <summary>
    /// The cursor text of <paramref name="position"/> with the pairs inside its overlap window (before its own stamp, at
    /// most <see cref="Capacity"/>, the latest); the memory forgets those outside the window and beyond the capacity, but
    /// keeps those at the position's own stamp for a later cursor of the same read.
    /// </summary>
    public string Cursor(SalesforceChangeCursor position)
    {
        Prune(position.Modstamp);
        var groups = new Dictionary<DateTimeOffset, List<string>>();
        foreach (var (stamp, id) in _pairs)
        {
            if (stamp < position.Modstamp)
            {
                if (!groups.TryGetValue(stamp, out var ids))
                {
                    groups[stamp] = ids = [];
                }

                ids.Add(id);
            }
        }

        var text = new StringBuilder(position.ToString());
        var separator = Separator;
        foreach (var (stamp, ids) in groups.OrderByDescending(group => group.Key))
        {
            ids.Sort(static (a, b) => string.CompareOrdinal(b, a));
            var before = (long)(position.Modstamp - stamp).TotalMilliseconds;
            text.Append(separator).Append(before.ToString(CultureInfo.InvariantCulture)).Append(':').AppendJoin(',', ids);
            separator = ';';
        }

        return text.ToString();
    }

    /// <summary>
    /// Forgets the pairs outside the window before <paramref name="position"/> and, before the position's own stamp,
    /// all but the latest <see cref="Capacity"/> (latest stamp first, then the greatest id); those at the position's
    /// stamp or after stay. Works in place and counts by stamp, of which a window holds few (SystemModstamp keeps whole
    /// seconds), so a read of a million records does not sort or copy its tens of thousands of pairs at every prune:
    /// those copies were large objects, tens of megabytes a read left for a full collection.
    /// </summary>
    private void Prune(DateTimeOffset position)
    {
        var from = position - _overlap;
        var counts = new Dictionary<DateTimeOffset, int>();
        foreach (var (stamp, _) in _pairs)
        {
            if (stamp >= from && stamp < position)
            {
                counts[stamp] = counts.GetValueOrDefault(stamp) + 1;
            }
        }

        // Whole stamps, latest first, while they fit; the stamp where the capacity runs out keeps its greatest ids.
        var left = Capacity;
        var oldestWhole = position;
        DateTimeOffset? boundary = null;
        foreach (var (stamp, count) in counts.OrderByDescending(stamp => stamp.Key))
        {
            if (count > left)
            {
                boundary = stamp;
                break;
            }

            left -= count;
            oldestWhole = stamp;
        }

        var boundaryKept = boundary is { } at
            ? _pairs.Where(pair => pair.Stamp == at).Select(pair => pair.Id).OrderDescending(StringComparer.Ordinal).Take(left).ToHashSet(StringComparer.Ordinal)
            : null;
        _pairs.RemoveWhere(pair => pair.Stamp < from || (pair.Stamp < oldestWhole && (pair.Stamp != boundary || !boundaryKept!.Contains(pair.Id))));
    }

    private static (DateTimeOffset Stamp, string Id) Pair(SalesforceChangeCursor record) => (record.Modstamp, record.Id);
}
