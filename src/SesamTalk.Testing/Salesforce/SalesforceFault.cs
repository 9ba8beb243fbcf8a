using SesamTalk.Testing.Faults;

namespace SesamTalk.Testing.Salesforce;

/// <summary>
/// A failure the emulator plays on the next matching request(s). Build one with a factory method, aim it with
/// <see cref="EmulatorFault{TFault, TKind, TEndpoint}.On"/>, repeat it with <see cref="EmulatorFault{TFault, TKind, TEndpoint}.Times"/>,
/// and hand it to <see cref="SalesforceEmulator.Inject"/>.
/// </summary>
public sealed class SalesforceFault : EmulatorFault<SalesforceFault, SalesforceFaultKind, SalesforceEndpoint>
{
    private SalesforceFault(SalesforceFaultKind kind, FaultTerms terms)
        : base(kind, terms)
    {
    }

    /// <summary>HTTP 429 with <c>Retry-After</c>; the request is not processed.</summary>
    public static SalesforceFault TooManyRequests(TimeSpan retryAfter) => new(SalesforceFaultKind.Status, FaultTerms.TooManyRequests(retryAfter));

    /// <summary>HTTP 503 (maintenance or overload), optionally with <c>Retry-After</c>; the request is not processed.</summary>
    public static SalesforceFault ServiceUnavailable(TimeSpan? retryAfter = null) =>
        new(SalesforceFaultKind.Status, FaultTerms.ServiceUnavailable(retryAfter));

    /// <summary>A 5xx answer (500 <c>UNKNOWN_EXCEPTION</c> by default); the request is not processed.</summary>
    public static SalesforceFault ServerError(int statusCode = 500) => new(SalesforceFaultKind.Status, FaultTerms.ServerError(statusCode));

    /// <summary>The request is processed normally but answered only after <paramref name="delay"/>.</summary>
    public static SalesforceFault Slow(TimeSpan delay) => new(SalesforceFaultKind.Slow, FaultTerms.Slow(delay));

    /// <summary>The request is processed and committed, then the connection is aborted before any response byte.</summary>
    public static SalesforceFault LoseResponse() => new(SalesforceFaultKind.LoseResponse, FaultTerms.Of(FaultAction.LoseResponse));

    /// <summary>The request is processed and committed, then answered with a truncated, unparsable JSON body.</summary>
    public static SalesforceFault MalformedBody() => new(SalesforceFaultKind.MalformedBody, FaultTerms.Of(FaultAction.MalformedBody));

    /// <summary>Every issued access token expires now; this request and later ones get 401 <c>INVALID_SESSION_ID</c>.</summary>
    public static SalesforceFault ExpireSession() => new(SalesforceFaultKind.ExpireSession, FaultTerms.Of(FaultAction.ExpireTokens));
}

/// <summary>The kinds of <see cref="SalesforceFault"/>.</summary>
public enum SalesforceFaultKind
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
    ExpireSession,
}
