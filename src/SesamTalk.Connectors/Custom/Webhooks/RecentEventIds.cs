namespace SesamTalk.Connectors.Custom.Webhooks;

/// <summary>
/// The event ids a receiver accepted lately, to answer a replayed or retried event without passing it on again. Ids are
/// kept for <c>keepFor</c> (beyond the signature tolerance a replay is refused anyway) and at most <see cref="Capacity"/>
/// of them, the oldest forgotten first.
/// </summary>
internal sealed class RecentEventIds(TimeSpan keepFor, TimeProvider clock)
{
    public const int Capacity = 10_000;

    private readonly object _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();

    /// <summary>Notes <paramref name="id"/>; false when it was accepted before (a replay).</summary>
    public bool TryAdd(string id)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            while (_order.Count > 0 && (_order.Count >= Capacity || now - _order.Peek().At > keepFor))
            {
                _ids.Remove(_order.Dequeue().Id);
            }

            if (!_ids.Add(id))
            {
                return false;
            }

            _order.Enqueue((id, now));
            return true;
        }
    }
}
