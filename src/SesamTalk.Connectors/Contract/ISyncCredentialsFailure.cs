namespace SesamTalk.Connectors;

/// <summary>
/// Implemented by a connector's sign-in exceptions, so the engine and the health checks can tell a system that refused
/// its stored grant (a person must authorise the app again) from one that is only down.
/// </summary>
public interface ISyncCredentialsFailure
{
    /// <summary>Whether the system refused the stored grant or credentials, so retrying cannot help.</summary>
    bool NeedsReauthorization { get; }
}
