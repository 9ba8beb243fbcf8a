namespace SesamTalk.Testing.Faults;

/// <summary>The faults random mode (<see cref="RandomFaultOptions"/>) draws from, the same names in every emulator.</summary>
public enum RandomFaultKind
{
    /// <summary>HTTP 429 with <see cref="RandomFaultOptions.RetryAfter"/>; the request is not processed.</summary>
    TooManyRequests,

    /// <summary>HTTP 500; the request is not processed.</summary>
    ServerError,

    /// <summary>HTTP 502; the request is not processed.</summary>
    BadGateway,

    /// <summary>HTTP 503 with <see cref="RandomFaultOptions.RetryAfter"/>; the request is not processed.</summary>
    ServiceUnavailable,

    /// <summary>The request is processed and answered after <see cref="RandomFaultOptions.SlowDelay"/>.</summary>
    Slow,

    /// <summary>The request is processed and committed, then the connection is aborted before any response byte.</summary>
    LoseResponse,

    /// <summary>The request is processed and committed, then answered with truncated, unparsable JSON.</summary>
    MalformedBody,

    /// <summary>Every issued access token expires (emulators with OAuth only): this request and later ones get 401 until a refresh.</summary>
    ExpireTokens,
}
