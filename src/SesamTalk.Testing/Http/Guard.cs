namespace SesamTalk.Testing.Http;

/// <summary>How an emulator's route is guarded by its request pipeline.</summary>
internal enum Guard
{
    /// <summary>No credentials, not counted against the system's API limits (OAuth endpoints, version list).</summary>
    Open,

    /// <summary>A valid bearer token required; counted against the system's API limits, which the response reports in headers.</summary>
    Api,
}
