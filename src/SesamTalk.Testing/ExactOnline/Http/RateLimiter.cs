using System.Globalization;

namespace SesamTalk.Testing.ExactOnline.Http;

/// <summary>
/// The division's rate limits: fixed windows of one minute and one (UTC) day, reset values in epoch milliseconds
/// as Exact sends them. A 429 carries only the headers of the window that ran out.
/// </summary>
internal sealed class RateLimiter(TimeProvider clock, int minutelyLimit, int dailyLimit)
{
    private const long MinuteMs = 60_000;
    private const long DayMs = 86_400_000;
    private readonly object _gate = new();
    private long _minute = -1;
    private long _day = -1;
    private int _minutelyUsed;
    private int _dailyUsed;

    /// <summary>The outcome of one call: allowed or not, and the <c>X-RateLimit-*</c> headers to send.</summary>
    public sealed record Decision(bool Allowed, IReadOnlyDictionary<string, string> Headers);

    /// <summary>Takes one call from both windows, or refuses it when either is used up.</summary>
    public Decision TryConsume()
    {
        lock (_gate)
        {
            Roll();
            if (_dailyUsed >= dailyLimit)
            {
                return new Decision(false, Daily());
            }

            if (_minutelyUsed >= minutelyLimit)
            {
                return new Decision(false, Minutely());
            }

            _dailyUsed++;
            _minutelyUsed++;
            return new Decision(true, new Dictionary<string, string>([.. Daily(), .. Minutely()]));
        }
    }

    /// <summary>Sets how many calls the current windows have used (tests provoking a 429).</summary>
    public void SetUsed(int minutely, int daily)
    {
        lock (_gate)
        {
            Roll();
            _minutelyUsed = minutely;
            _dailyUsed = daily;
        }
    }

    private void Roll()
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (now / MinuteMs != _minute)
        {
            _minute = now / MinuteMs;
            _minutelyUsed = 0;
        }

        if (now / DayMs != _day)
        {
            _day = now / DayMs;
            _dailyUsed = 0;
        }
    }

    private Dictionary<string, string> Daily() => new()
    {
        ["X-RateLimit-Limit"] = Text(dailyLimit),
        ["X-RateLimit-Remaining"] = Text(Math.Max(0, dailyLimit - _dailyUsed)),
        ["X-RateLimit-Reset"] = Text((_day + 1) * DayMs),
    };

    private Dictionary<string, string> Minutely() => new()
    {
        ["X-RateLimit-Minutely-Limit"] = Text(minutelyLimit),
        ["X-RateLimit-Minutely-Remaining"] = Text(Math.Max(0, minutelyLimit - _minutelyUsed)),
        ["X-RateLimit-Minutely-Reset"] = Text((_minute + 1) * MinuteMs),
    };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
