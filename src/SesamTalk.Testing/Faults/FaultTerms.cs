using System.Globalization;

namespace SesamTalk.Testing.Faults;

/// <summary>What a fault does, independent of the emulator it is played by and of where it is aimed.</summary>
internal sealed record FaultTerms(FaultAction Action, int StatusCode, TimeSpan? RetryAfter, TimeSpan Delay)
{
    /// <summary>The <c>Retry-After</c> header value (whole seconds, rounded up), or null when there is none.</summary>
    public string? RetryAfterHeader => RetryAfter is { } after ? Seconds(after).ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>HTTP 429 with <c>Retry-After</c>.</summary>
    public static FaultTerms TooManyRequests(TimeSpan retryAfter) => Status(429, retryAfter);

    /// <summary>HTTP 503, optionally with <c>Retry-After</c>.</summary>
    public static FaultTerms ServiceUnavailable(TimeSpan? retryAfter) => Status(503, retryAfter);

    /// <summary>A 5xx answer; other codes throw.</summary>
    public static FaultTerms ServerError(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return Status(statusCode, null);
    }

    /// <summary>A response held back for <paramref name="delay"/>.</summary>
    public static FaultTerms Slow(TimeSpan delay) => new(FaultAction.Slow, 0, null, delay);

    /// <summary>A fault that needs no status or delay (lost response, malformed body, expired tokens).</summary>
    public static FaultTerms Of(FaultAction action) => new(action, 0, null, TimeSpan.Zero);

    /// <summary>A duration in whole seconds, rounded up, as <c>Retry-After</c> and rate-limit headers carry it.</summary>
    public static int Seconds(TimeSpan span) => (int)Math.Ceiling(span.TotalSeconds);

    private static FaultTerms Status(int statusCode, TimeSpan? retryAfter) => new(FaultAction.Status, statusCode, retryAfter, TimeSpan.Zero);
}
