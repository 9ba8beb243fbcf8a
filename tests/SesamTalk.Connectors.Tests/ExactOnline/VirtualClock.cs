namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>
/// A clock shared by the emulator and the connector that never sleeps: a timer moves the time forward to its due
/// time and fires at once, so waits for a rate-limit window or a Retry-After take no real time but show in
/// <see cref="Waited"/>. Tests can also move it by hand.
/// </summary>
internal sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;
    private long _waited;

    /// <summary>The time timers have moved the clock forward in total.</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waited));

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FiringTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class FiringTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed || dueTime == Timeout.InfiniteTimeSpan)
            {
                return !_disposed;
            }

            if (dueTime > TimeSpan.Zero)
            {
                clock.Advance(dueTime);
                Interlocked.Add(ref clock._waited, dueTime.Ticks);
            }

            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (!_disposed)
                {
                    callback(state);
                }
            });
            return true;
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
