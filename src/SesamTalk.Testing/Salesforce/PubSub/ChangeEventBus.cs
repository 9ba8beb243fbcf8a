namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// The org's change events in commit order, kept for the retention window (on the org clock; Salesforce keeps change
/// events for 72 hours), with a signal subscribers wait on for new events.
/// </summary>
internal sealed class ChangeEventBus(TimeProvider clock, TimeSpan retention)
{
    private readonly object _gate = new();
    private readonly List<StoredChangeEvent> _events = [];
    private long _latest;
    private long _purgedThrough;
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _eventIdPrefix = Guid.NewGuid().ToByteArray()[..8];

    /// <summary>Completes at the next publish; take it before looking for events so that none is missed.</summary>
    public Task NextPublish
    {
        get
        {
            lock (_gate)
            {
                return _published.Task;
            }
        }
    }

    /// <summary>The position of the newest event (0 before the first).</summary>
    public long Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>The position just before the oldest retained event: where EARLIEST starts.</summary>
    public long Earliest
    {
        get
        {
            lock (_gate)
            {
                Purge();
                return _purgedThrough;
            }
        }
    }

    /// <summary>
    /// The UUID of the event at <paramref name="position"/> (<c>ProducerEvent.id</c>): this bus's random first half and
    /// the position, so an event keeps its id on every delivery without the bus storing one per event.
    /// </summary>
    public string EventId(long position)
    {
        var bytes = new byte[16];
        _eventIdPrefix.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), position);
        return new Guid(bytes).ToString();
    }

    public void Publish(Func<long, StoredChangeEvent> create)
    {
        TaskCompletionSource published;
        lock (_gate)
        {
            _events.Add(create(++_latest));
            published = _published;
            _published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        published.TrySetResult();
    }

    /// <summary>Whether a subscription can start after <paramref name="position"/>: every later event is still retained.</summary>
    public bool CanReplayAfter(long position)
    {
        lock (_gate)
        {
            Purge();
            // Position 0 (the latest replay id of an empty bus) stays valid until the first event expires.
            return (position > _purgedThrough || (position == 0 && _purgedThrough == 0)) && position <= _latest;
        }
    }

    /// <summary>Up to <paramref name="max"/> retained events after <paramref name="position"/> that <paramref name="matches"/>.</summary>
    public List<StoredChangeEvent> After(long position, Func<StoredChangeEvent, bool> matches, int max)
    {
        lock (_gate)
        {
            Purge();
            var start = _events.FindIndex(e => e.Position > position);
            return start < 0 ? [] : [.. _events.Skip(start).Where(matches).Take(max)];
        }
    }

    private void Purge()
    {
        var horizon = clock.GetUtcNow() - retention;
        var expired = _events.FindIndex(e => e.CommittedAt >= horizon) is var keep and >= 0 ? keep : _events.Count;
        if (expired > 0)
        {
            _purgedThrough = _events[expired - 1].Position;
            _events.RemoveRange(0, expired);
        }
    }
}
