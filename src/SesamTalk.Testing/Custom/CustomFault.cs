using SesamTalk.Testing.Faults;

namespace SesamTalk.Testing.Custom;

/// <summary>
/// A failure the emulator plays on the next matching request(s). Build one with a factory method, aim it with
/// <see cref="EmulatorFault{TFault, TKind, TEndpoint}.On"/>, repeat it with <see cref="EmulatorFault{TFault, TKind, TEndpoint}.Times"/>,
/// and hand it to <see cref="CustomSystemEmulator.Inject"/>.
/// </summary>
public sealed class CustomFault : EmulatorFault<CustomFault, CustomFaultKind, CustomEndpoint>
{
    private CustomFault(CustomFaultKind kind, FaultTerms terms)
        : base(kind, terms)
    {
    }

    /// <summary>HTTP 429 with <c>Retry-After</c> and <c>RateLimit-Remaining: 0</c>; the request is not processed. Repeat it with <see cref="EmulatorFault{TFault, TKind, TEndpoint}.Times"/> for a storm.</summary>
    public static CustomFault TooManyRequests(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return new(CustomFaultKind.Status, FaultTerms.TooManyRequests(retryAfter));
    }

    /// <summary>HTTP 503, optionally with <c>Retry-After</c>; the request is not processed.</summary>
    public static CustomFault ServiceUnavailable(TimeSpan? retryAfter = null) => new(CustomFaultKind.Status, FaultTerms.ServiceUnavailable(retryAfter));

    /// <summary>A 5xx answer (500 by default); the request is not processed.</summary>
    public static CustomFault ServerError(int statusCode = 500) => new(CustomFaultKind.Status, FaultTerms.ServerError(statusCode));

    /// <summary>The request is processed normally but answered only after <paramref name="delay"/>.</summary>
    public static CustomFault Slow(TimeSpan delay) => new(CustomFaultKind.Slow, FaultTerms.Slow(delay));

    /// <summary>The request is processed and committed, then the connection is aborted before any response byte.</summary>
    public static CustomFault LoseResponse() => new(CustomFaultKind.LoseResponse, FaultTerms.Of(FaultAction.LoseResponse));

    /// <summary>The request is processed and committed, then answered with a truncated, unparsable JSON body.</summary>
    public static CustomFault MalformedBody() => new(CustomFaultKind.MalformedBody, FaultTerms.Of(FaultAction.MalformedBody));
}

/// <summary>The kinds of <see cref="CustomFault"/>.</summary>
public enum CustomFaultKind
{
    /// <summary>An error status instead of processing the request.</summary>
    Status,

    /// <summary>A delayed response.</summary>
    Slow,

    /// <summary>The write commits, the response is lost (connection aborted).</summary>
    LoseResponse,

    /// <summary>The write commits, the response body is not valid JSON.</summary>
    MalformedBody,
}
