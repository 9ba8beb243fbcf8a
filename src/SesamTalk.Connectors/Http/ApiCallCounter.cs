namespace SesamTalk.Connectors.Http;

/// <summary>
/// Counts the HTTP calls one system's client sends (retries and re-sends after a 401 included, since each one is a
/// call the API counts). <typeparamref name="TClient"/> keeps one counter per system in the container.
/// </summary>
/// <typeparam name="TClient">The system's typed client, e.g. <c>SalesforceClient</c>.</typeparam>
public sealed class ApiCallCounter<TClient>
{
    private long _calls;

    /// <summary>Calls sent so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Counts one call.</summary>
    public void Increment() => Interlocked.Increment(ref _calls);
}
