namespace SesamTalk.Connectors.Http;

/// <summary>
/// Counts every request that reaches the wire. Put it innermost in a client's pipeline, after the retry and auth
/// handlers, so that each try counts once.
/// </summary>
/// <typeparam name="TClient">The system's typed client.</typeparam>
public sealed class ApiCallCountingHandler<TClient> : DelegatingHandler
{
    private readonly ApiCallCounter<TClient> _counter;

    /// <summary>Creates the handler.</summary>
    /// <param name="counter">The system's counter.</param>
    public ApiCallCountingHandler(ApiCallCounter<TClient> counter) => _counter = counter;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _counter.Increment();
        return base.SendAsync(request, cancellationToken);
    }
}
