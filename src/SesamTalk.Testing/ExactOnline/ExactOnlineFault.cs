namespace SesamTalk.Testing.ExactOnline;

/// <summary>
/// A failure the emulator plays on the next matching request(s). Build one with a factory method, aim it with
/// <see cref="On"/>, repeat it with <see cref="Times"/>, and hand it to <see cref="ExactOnlineEmulator.Inject"/>.
/// </summary>
public sealed class ExactOnlineFault
{
    private ExactOnlineFault(ExactOnlineFaultKind kind, int statusCode, TimeSpan? retryAfter, TimeSpan delay)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Delay = delay;
    }

    /// <summary>What the fault does.</summary>
    public ExactOnlineFaultKind Kind { get; }

    /// <summary>The HTTP status answered by <see cref="ExactOnlineFaultKind.Status"/> faults.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Retry-After</c> header sent with a status fault, if any (whole seconds).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How long a <see cref="ExactOnlineFaultKind.Slow"/> fault holds the response back.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The endpoint the fault applies to; null for any endpoint.</summary>
    public ExactOnlineEndpoint? Endpoint { get; private init; }

    /// <summary>How many matching requests the fault affects.</summary>
    public int Count { get; private init; } = 1;

    /// <summary>HTTP 429 with <c>Retry-After</c>; the request is not processed and not counted against the rate limits.</summary>
    public static ExactOnlineFault TooManyRequests(TimeSpan retryAfter) =>
        new(ExactOnlineFaultKind.Status, 429, retryAfter, TimeSpan.Zero);

    /// <summary>HTTP 503 (maintenance or overload), optionally with <c>Retry-After</c>; the request is not processed.</summary>
    public static ExactOnlineFault ServiceUnavailable(TimeSpan? retryAfter = null) =>
        new(ExactOnlineFaultKind.Status, 503, retryAfter, TimeSpan.Zero);

    /// <summary>A 5xx answer (500 by default); the request is not processed.</summary>
    public static ExactOnlineFault ServerError(int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(ExactOnlineFaultKind.Status, statusCode, null, TimeSpan.Zero);
    }

    /// <summary>The request is processed normally but answered only after <paramref name="delay"/>.</summary>
    public static ExactOnlineFault Slow(TimeSpan delay) => new(ExactOnlineFaultKind.Slow, 0, null, delay);

    /// <summary>The request is processed and committed, then the connection is aborted before any response byte.</summary>
    public static ExactOnlineFault LoseResponse() => new(ExactOnlineFaultKind.LoseResponse, 0, null, TimeSpan.Zero);

    /// <summary>The request is processed and committed, then answered with a truncated, unparsable JSON body.</summary>
    public static ExactOnlineFault MalformedBody() => new(ExactOnlineFaultKind.MalformedBody, 0, null, TimeSpan.Zero);

    /// <summary>Every issued access token expires now; this request and later ones get 401 until a token is refreshed.</summary>
    public static ExactOnlineFault ExpireAccessTokens() => new(ExactOnlineFaultKind.ExpireAccessTokens, 0, null, TimeSpan.Zero);

    /// <summary>Limits the fault to one endpoint.</summary>
    public ExactOnlineFault On(ExactOnlineEndpoint endpoint) => Copy(endpoint, Count);

    /// <summary>Applies the fault to the next <paramref name="count"/> matching requests instead of one.</summary>
    public ExactOnlineFault Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Copy(Endpoint, count);
    }

    private ExactOnlineFault Copy(ExactOnlineEndpoint? endpoint, int count) =>
        new(Kind, StatusCode, RetryAfter, Delay) { Endpoint = endpoint, Count = count };
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
