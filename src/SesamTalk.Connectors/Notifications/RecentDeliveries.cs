namespace SesamTalk.Connectors.Notifications;

/// <summary>
/// What a webhook receiver accepted lately (event ids, or the signatures of a system whose events carry no id), to know
/// a replayed or retried delivery: one noted within the window is not passed on again. Bounded in time and in count,
/// the oldest forgotten first; safe across threads.
/// </summary>
/// <param name="window">How long an accepted delivery is remembered.</param>
/// <param name="capacity">How many are remembered at most.</param>
/// <param name="time">The clock.</param>
/// <param name="comparer">How keys compare (case-insensitive for hex signatures and GUIDs, ordinal for opaque ids).</param>
internal sealed class RecentDeliveries(TimeSpan window, int capacity, TimeProvider time, StringComparer comparer)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(comparer);
    private readonly Queue<(string Key, DateTimeOffset At)> _order = new();

    /// <summary>Notes <paramref name="key"/>; false when it was noted within the window already (a replay).</summary>
    public bool TryAdd(string key)
    {
        var now = time.GetUtcNow();
        lock (_order)
        {
            while (_order.TryPeek(out var oldest) && (_order.Count >= capacity || now - oldest.At > window))
            {
                _order.Dequeue();
                _seen.Remove(oldest.Key);
            }

            if (!_seen.TryAdd(key, now))
            {
                return false;
            }

            _order.Enqueue((key, now));
            return true;
        }
    }
}
