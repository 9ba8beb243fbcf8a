namespace SesamTalk.Connectors.ExactOnline.Webhooks;

/// <summary>
/// The signatures of the notifications accepted lately, to know a replay: one seen within <c>window</c> is not acted on
/// again. Bounded in time and in count (the oldest are forgotten first); safe across threads.
/// </summary>
internal sealed class RecentSignatures(TimeSpan window, int capacity, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<(string Signature, DateTimeOffset At)> _order = new();

    /// <summary>Notes <paramref name="signature"/>; false when it was noted within the window already.</summary>
    public bool FirstSeen(string signature)
    {
        var now = time.GetUtcNow();
        lock (_order)
        {
            while (_order.TryPeek(out var oldest) && (now - oldest.At >= window || _order.Count >= capacity))
            {
                _order.Dequeue();
                _seen.Remove(oldest.Signature);
            }

            if (!_seen.TryAdd(signature, now))
            {
                return false;
            }

            _order.Enqueue((signature, now));
            return true;
        }
    }
}
