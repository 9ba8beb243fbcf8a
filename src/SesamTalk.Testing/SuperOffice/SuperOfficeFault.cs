using SesamTalk.Testing.Faults;

namespace SesamTalk.Testing.SuperOffice;

/// <summary>
/// A failure the emulator plays on the next matching request(s). Build one with a factory method, aim it with
/// <see cref="EmulatorFault{TFault, TKind, TEndpoint}.On"/>, repeat it with <see cref="EmulatorFault{TFault, TKind, TEndpoint}.Times"/>,
/// and hand it to <see cref="SuperOfficeEmulator.Inject"/>.
/// </summary>
public sealed class SuperOfficeFault : EmulatorFault<SuperOfficeFault, SuperOfficeFaultKind, SuperOfficeEndpoint>
{
    private SuperOfficeFault(SuperOfficeFaultKind kind, FaultTerms terms)
        : base(kind, terms)
    {
    }

    /// <summary>
    /// HTTP 429 with <c>Retry-After</c>; the request is not processed. SuperOffice documents no request limit or 429
    /// contract (calls are only metered), so this is a robustness fault, not a documented behaviour.
    /// </summary>
    public static SuperOfficeFault TooManyRequests(TimeSpan retryAfter) => new(SuperOfficeFaultKind.Status, FaultTerms.TooManyRequests(retryAfter));

    /// <summary>HTTP 503 (tenant in maintenance or overloaded), optionally with <c>Retry-After</c>; the request is not processed.</summary>
    public static SuperOfficeFault ServiceUnavailable(TimeSpan? retryAfter = null) =>
        new(SuperOfficeFaultKind.Status, FaultTerms.ServiceUnavailable(retryAfter));

    /// <summary>A 5xx answer (500 by default) with SuperOffice's error body; the request is not processed.</summary>
    public static SuperOfficeFault ServerError(int statusCode = 500) => new(SuperOfficeFaultKind.Status, FaultTerms.ServerError(statusCode));

    /// <summary>The request is processed normally but answered only after <paramref name="delay"/>.</summary>
    public static SuperOfficeFault Slow(TimeSpan delay) => new(SuperOfficeFaultKind.Slow, FaultTerms.Slow(delay));

    /// <summary>The request is processed and committed, then the connection is aborted before any response byte.</summary>
    public static SuperOfficeFault LoseResponse() => new(SuperOfficeFaultKind.LoseResponse, FaultTerms.Of(FaultAction.LoseResponse));

    /// <summary>The request is processed and committed, then answered with a truncated, unparsable JSON body.</summary>
    public static SuperOfficeFault MalformedBody() => new(SuperOfficeFaultKind.MalformedBody, FaultTerms.Of(FaultAction.MalformedBody));

    /// <summary>Every issued access token expires now; this request and later ones get 401 until a token is refreshed.</summary>
    public static SuperOfficeFault ExpireAccessTokens() =>
        new(SuperOfficeFaultKind.ExpireAccessTokens, FaultTerms.Of(FaultAction.ExpireTokens));
}

/// <summary>The kinds of <see cref="SuperOfficeFault"/>.</summary>
public enum SuperOfficeFaultKind
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
