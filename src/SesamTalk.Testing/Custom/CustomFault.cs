namespace SesamTalk.Testing.Custom;

/// <summary>
/// A failure the emulator plays on the next matching request(s). Build one with a factory method, aim it with
/// <see cref="On"/>, repeat it with <see cref="Times"/>, and hand it to <see cref="CustomSystemEmulator.Inject"/>.
/// </summary>
public sealed class CustomFault
{
    private CustomFault(CustomFaultKind kind, int statusCode, TimeSpan? retryAfter, TimeSpan delay)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Delay = delay;
    }

    /// <summary>What the fault does.</summary>
    public CustomFaultKind Kind { get; }

    /// <summary>The HTTP status answered by <see cref="CustomFaultKind.Status"/> faults.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Retry-After</c> header sent with a status fault, if any (whole seconds, rounded up).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How long a <see cref="CustomFaultKind.Slow"/> fault holds the response back.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The endpoint the fault applies to; null for any endpoint.</summary>
    public CustomEndpoint? Endpoint { get; private init; }

    /// <summary>How many matching requests the fault affects.</summary>
    public int Count { get; private init; } = 1;

    /// <summary>HTTP 429 with <c>Retry-After</c> and <c>RateLimit-Remaining: 0</c>; the request is not processed. Repeat it with <see cref="Times"/> for a storm.</summary>
    public static CustomFault TooManyRequests(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return new(CustomFaultKind.Status, 429, retryAfter, TimeSpan.Zero);
    }

    /// <summary>HTTP 503, optionally with <c>Retry-After</c>; the request is not processed.</summary>
    public static CustomFault ServiceUnavailable(TimeSpan? retryAfter = null) => new(CustomFaultKind.Status, 503, retryAfter, TimeSpan.Zero);

    /// <summary>A 5xx answer (500 by default); the request is not processed.</summary>
    public static CustomFault ServerError(int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(CustomFaultKind.Status, statusCode, null, TimeSpan.Zero);
    }

    /// <summary>The request is processed normally but answered only after <paramref name="delay"/>.</summary>
    public static CustomFault Slow(TimeSpan delay) => new(CustomFaultKind.Slow, 0, null, delay);

    /// <summary>The request is processed and committed, then the connection is aborted before any response byte.</summary>
    public static CustomFault LoseResponse() => new(CustomFaultKind.LoseResponse, 0, null, TimeSpan.Zero);

    /// <summary>The request is processed and committed, then answered with a truncated, unparsable JSON body.</summary>
    public static CustomFault MalformedBody() => new(CustomFaultKind.MalformedBody, 0, null, TimeSpan.Zero);

    /// <summary>Limits the fault to one endpoint.</summary>
    public CustomFault On(CustomEndpoint endpoint) => Copy(endpoint, Count);

    /// <summary>Applies the fault to the next <paramref name="count"/> matching requests instead of one.</summary>
    public CustomFault Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Copy(Endpoint, count);
    }

    private CustomFault Copy(CustomEndpoint? endpoint, int count) =>
        new(Kind, StatusCode, RetryAfter, Delay) { Endpoint = endpoint, Count = count };
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
