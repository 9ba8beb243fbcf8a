using System.Globalization;
using System.Net.Http.Headers;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// What the <c>X-RateLimit-*</c> headers (limit, remaining, reset in epoch milliseconds) last said about the
/// division's minutely and daily budgets, less the calls sent since. One instance serves every client of the
/// division, since the budgets are per division.
/// </summary>
internal sealed class ExactOnlineRateLimits
{
    private readonly object _gate = new();
    private Window _minutely;
    private Window _daily;

    /// <summary>
    /// Takes one call from the budgets, or says how long to wait for the minutely window to reset. Throws
    /// <see cref="SyncQuotaExhaustedException"/> when the daily budget is used up, or the minutely one until further
    /// than <paramref name="maxWait"/>.
    /// </summary>
    public TimeSpan? TryAdmit(DateTimeOffset now, TimeSpan maxWait)
    {
        lock (_gate)
        {
            _daily = _daily.Current(now);
            _minutely = _minutely.Current(now);
            if (_daily.Remaining <= 0)
            {
                throw _daily.Exhausted();
            }

            if (_minutely.Remaining <= 0)
            {
                return _minutely.Reset - now <= maxWait ? _minutely.Reset - now : throw _minutely.Exhausted();
            }

            _daily = _daily.Take();
            _minutely = _minutely.Take();
            return null;
        }
    }

    /// <summary>Records the budgets a response reports; a response without the headers changes nothing.</summary>
    public void Observe(HttpResponseHeaders headers)
    {
        lock (_gate)
        {
            _minutely = Read(headers, "X-RateLimit-Minutely-") ?? _minutely;
            _daily = Read(headers, "X-RateLimit-") ?? _daily;
        }
    }

    /// <summary>The exception for a daily budget the last response reported as used up, if it is.</summary>
    public SyncQuotaExhaustedException? DailyExhausted(DateTimeOffset now)
    {
        lock (_gate)
        {
            var daily = _daily.Current(now);
            return daily.Remaining <= 0 ? daily.Exhausted() : null;
        }
    }

    /// <summary>The daily budget as the last response reported it, less the calls sent since; null while unknown.</summary>
    public SyncApiUsage? DailyUsage(DateTimeOffset now)
    {
        lock (_gate)
        {
            var daily = _daily.Current(now);
            return daily.Remaining is { } remaining ? new SyncApiUsage(daily.Limit - Math.Max(0, remaining), daily.Limit, daily.Reset) : null;
        }
    }

    private static Window? Read(HttpResponseHeaders headers, string prefix) =>
        Number(headers, prefix + "Limit") is { } limit && Number(headers, prefix + "Remaining") is { } remaining && Number(headers, prefix + "Reset") is { } reset
            ? new Window(remaining, DateTimeOffset.FromUnixTimeMilliseconds(reset), limit)
            : null;

    private static long? Number(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>One budget; <see cref="Remaining"/> is null while unknown.</summary>
    private readonly record struct Window(long? Remaining, DateTimeOffset Reset, long Limit)
    {
        public SyncQuotaExhaustedException Exhausted() => new("Exact Online", Limit - Math.Max(0, Remaining ?? 0), Limit, Reset);

        /// <summary>This window, or an unknown one once its reset time has passed.</summary>
        public Window Current(DateTimeOffset now) => now >= Reset ? default : this;

        public Window Take() => Remaining is { } remaining ? this with { Remaining = remaining - 1 } : this;
    }
}
