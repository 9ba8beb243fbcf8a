using SesamTalk.Testing.Faults;

namespace SesamTalk.Testing.ExactOnline;

/// <summary>
/// A failure the emulator plays on the next matching request(s). Build one with a factory method, aim it with
/// <see cref="EmulatorFault{TFault, TKind, TEndpoint}.On"/>, repeat it with <see cref="EmulatorFault{TFault, TKind, TEndpoint}.Times"/>,
/// and hand it to <see cref="ExactOnlineEmulator.Inject"/>.
/// </summary>
public sealed class ExactOnlineFault : EmulatorFault<ExactOnlineFault, ExactOnlineFaultKind, ExactOnlineEndpoint>
{
    private ExactOnlineFault(ExactOnlineFaultKind kind, FaultTerms terms)
        : base(kind, terms)
    {
    }

    /// <summary>HTTP 429 with <c>Retry-After</c>; the request is not processed and not counted against the rate limits.</summary>
    public static ExactOnlineFault TooManyRequests(TimeSpan retryAfter) => new(ExactOnlineFaultKind.Status, FaultTerms.TooManyRequests(retryAfter));

    /// <summary>HTTP 503 (maintenance or overload), optionally with <c>Retry-After</c>; the request is not processed.</summary>
    public static ExactOnlineFault ServiceUnavailable(TimeSpan? retryAfter = null) =>
        new(ExactOnlineFaultKind.Status, FaultTerms.ServiceUnavailable(retryAfter));

    /// <summary>A 5xx answer (500 by default); the request is not processed.</summary>
    public static ExactOnlineFault ServerError(int statusCode = 500) => new(ExactOnlineFaultKind.Status, FaultTerms.ServerError(statusCode));

    /// <summary>The request is processed normally but answered only after <paramref name="delay"/>.</summary>
    public static ExactOnlineFault Slow(TimeSpan delay) => new(ExactOnlineFaultKind.Slow, FaultTerms.Slow(delay));

    /// <summary>The request is processed and committed, then the connection is aborted before any response byte.</summary>
    public static ExactOnlineFault LoseResponse() => new(ExactOnlineFaultKind.LoseResponse, FaultTerms.Of(FaultAction.LoseResponse));

    /// <summary>The request is processed and committed, then answered with a truncated, unparsable JSON body.</summary>
    public static ExactOnlineFault MalformedBody() => new(ExactOnlineFaultKind.MalformedBody, FaultTerms.Of(FaultAction.MalformedBody));

    /// <summary>Every issued access token expires now; this request and later ones get 401 until a token is refreshed.</summary>
    public static ExactOnlineFault ExpireAccessTokens() =>
        new(ExactOnlineFaultKind.ExpireAccessTokens, FaultTerms.Of(FaultAction.ExpireTokens));
}

/// <summary>The kinds of <see cref="ExactOnlineFault"/>.</summary>
public enum ExactOnlineFaultKind
{
    /// <summary>An error status instead of processing the request.</summary>
    Status,

    /// <summary>A delayed response.</summary>
    Slow,

    /// <summary>The write commits, the response is lost (connection aborted).</summary>
    LoseResponse,

    /// <summary>The write commits, the response body is not valid JSON.</summary>
    MalformedBody,

    /// <summary>All access tokens expire.</summary>
    ExpireAccessTokens,
}
