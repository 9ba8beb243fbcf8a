namespace SesamTalk.Testing.Faults;

/// <summary>What a fault does to a request, the same for every emulator (each names these in its own public fault kind).</summary>
internal enum FaultAction
{
    /// <summary>An error status instead of processing the request.</summary>
    Status,

    /// <summary>A delayed response.</summary>
    Slow,

    /// <summary>The write commits, the response is lost (connection aborted).</summary>
    LoseResponse,

    /// <summary>The write commits, the response body is not valid JSON.</summary>
    MalformedBody,

    /// <summary>All access tokens expire (emulators with OAuth only).</summary>
    ExpireTokens,
}
