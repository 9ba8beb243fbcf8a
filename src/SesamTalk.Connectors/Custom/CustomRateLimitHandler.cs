using System.Globalization;
using SesamTalk.Connectors.Hosting;

namespace SesamTalk.Connectors.Custom;

/// <summary>
/// Paces calls to a custom system by the contract's <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c> headers:
/// when the window's budget is spent, the next call waits for the reset instead of collecting a 429, or, when the
/// reset is further away than the longest wait allowed (the options' <c>MaxRetryDelay</c>, or the background sync's
/// shorter <see cref="RateLimitPatience"/>), fails with <see cref="SyncQuotaExhaustedException"/> so the
/// engine stops at its checkpoint.
/// </summary>
internal sealed class CustomRateLimitHandler(CustomRateLimitWindow window, TimeSpan maxWait, TimeProvider time) : DelegatingHandler
{
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(5);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A loop, not one wait: timers count in whole milliseconds on a monotonic clock and may end a moment before
        // the wall clock the window is kept in reaches the reset, and a call sent in that moment would meet the limit.
        while (window.WaitBeforeSending(time.GetUtcNow()) is { } wait)
        {
            if (wait > (RateLimitPatience.MaxWait is { } patience && patience < maxWait ? patience : maxWait))
            {
                throw window.Exhausted();
            }

            await Task.Delay(wait + TimerSlack, time, cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        window.Observe(response, time.GetUtcNow());
        return response;
    }
}

/// <summary>One custom system's rate-limit window as its responses last described it; shared by every handler of the system.</summary>
internal sealed class CustomRateLimitWindow(string system)
{
    private readonly object _gate = new();
    private long? _limit;
    private long? _remaining;
    private DateTimeOffset _resetsAt = DateTimeOffset.MinValue;

    /// <summary>How long to wait before the next call, or null when the budget allows it now.</summary>
    public TimeSpan? WaitBeforeSending(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _remaining is 0 && _resetsAt > now ? _resetsAt - now : null;
        }
    }

    /// <summary>The exception for a window spent until further than the connector may wait.</summary>
    public SyncQuotaExhaustedException Exhausted()
    {
        lock (_gate)
        {
            return new SyncQuotaExhaustedException(system, _limit ?? 0, _limit ?? 0, _resetsAt);
        }
    }

    /// <summary>Reads the window from a response's headers; a response without them changes nothing.</summary>
    public void Observe(HttpResponseMessage response, DateTimeOffset now)
    {
        if (Header(response, "RateLimit-Remaining") is not { } remaining || Header(response, "RateLimit-Reset") is not { } reset)
        {
            return;
        }

        lock (_gate)
        {
            _limit = Header(response, "RateLimit-Limit") ?? _limit;
            _remaining = remaining;
            _resetsAt = now.AddSeconds(reset);
        }
    }

    private static long? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
