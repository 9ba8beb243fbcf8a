namespace SesamTalk.Testing.Custom.Emulation;

/// <summary>
/// A fixed-window request budget, as the <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c>
/// headers describe it: <see cref="Limit"/> requests per window; the window restarts when it has run out.
/// </summary>
internal sealed class RateLimiter(TimeProvider clock, int limit, TimeSpan window)
{
    private readonly object _gate = new();
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _used;

    public int Limit { get; } = limit;

    /// <summary>How many requests the limit refused.</summary>
    public int Refused { get; private set; }

    /// <summary>Takes one request from the budget; the state is what the response headers report either way.</summary>
    public RateState Acquire()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now >= _windowEnd)
            {
                _windowEnd = now + window;
                _used = 0;
            }

            var allowed = _used < Limit;
            if (allowed)
            {
                _used++;
            }
            else
            {
                Refused++;
            }

            return new RateState(allowed, Limit, Limit - _used, _windowEnd - now);
        }
    }

    /// <summary>Uses up the rest of the current window, as a burst of other clients would.</summary>
    public void Exhaust()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now >= _windowEnd)
            {
                _windowEnd = now + window;
            }

            _used = Limit;
        }
    }
}

/// <summary>The outcome of <see cref="RateLimiter.Acquire"/>.</summary>
internal readonly record struct RateState(bool Allowed, int Limit, int Remaining, TimeSpan Reset)
{
    /// <summary>Whole seconds until the window restarts, at least 1 while it is exhausted.</summary>
    public int ResetSeconds => Math.Max(Allowed ? 0 : 1, (int)Math.Ceiling(Reset.TotalSeconds));
}
