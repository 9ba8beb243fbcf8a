namespace SesamTalk.Connectors.SuperOffice.Webhooks;

/// <summary>
/// The event ids accepted within a bounded recent window (at most <c>capacity</c> ids, none older than <c>window</c>),
/// so a retried or replayed post of one event is recognised while memory stays bounded. Thread-safe.
/// </summary>
internal sealed class RecentEventIds(int capacity, TimeSpan window, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();
    private readonly object _gate = new();

    /// <summary>Notes <paramref name="eventId"/>; false when it was accepted within the window already.</summary>
    public bool TryAdd(string eventId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_order.TryPeek(out var oldest) && (_order.Count >= capacity || now - oldest.At > window))
            {
                _order.Dequeue();
                _seen.Remove(oldest.Id);
            }

            if (!_seen.TryAdd(eventId, now))
            {
                return false;
            }

            _order.Enqueue((eventId, now));
            return true;
        }
    }
}
