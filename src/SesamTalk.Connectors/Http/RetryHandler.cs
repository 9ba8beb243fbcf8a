using System.Net;
using Polly;
using Polly.Retry;

namespace SesamTalk.Connectors.Http;

/// <summary>
/// Retries one request at a time with Polly.Core: the server's <c>Retry-After</c> wins, otherwise exponential backoff
/// with jitter. Which failures are retried depends on whether the request is safe to repeat:
/// <list type="bullet">
/// <item><b>Repeatable</b> requests: every <c>GET</c>, and any request the connector marks with <see cref="Idempotent"/>
/// (reads sent as <c>POST</c>, such as SuperOffice's Quote agent reads and custom-system searches; updates that set the
/// same values again; deletes, since deleting a record that is gone succeeds; creates under an idempotency key the API
/// honours, such as custom-system batches). They are retried after a 429, a 500, 502, 503 or 504, a try that took
/// longer than the per-try timeout, a dropped connection, and a success whose JSON body cannot be parsed (the body is
/// read and checked inside the try, so the request is repeated, not the page or batch around it).</item>
/// <item><b>Other</b> writes (creates the API cannot deduplicate: Exact Online, Salesforce, SuperOffice): retried only
/// after a status answer that says the request was not processed: 429 (throttled, RFC 6585) and 503 (the service is
/// unavailable, for maintenance or overload: RFC 9110 section 15.6.4; Salesforce documents its 503 so). After a 500,
/// 502 or 504, a timeout, a dropped connection or a malformed body the write may have committed, so it is not repeated:
/// the failure surfaces, and the engine's pending-create intent finds the record by its match keys before it creates
/// again.</item>
/// </list>
/// A <c>Retry-After</c> longer than the longest wait allowed is not waited out: the answer is returned at once and the
/// engine stops the cycle at its last checkpoint. A try with no answer within the per-try timeout is abandoned; when it
/// is not retried, or the retries run out, it surfaces as a <see cref="TimeoutException"/>. The caller's own
/// cancellation is never retried.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    /// <summary>The request option that marks a non-GET request as safe to repeat.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("SesamTalk.Idempotent");

    private readonly ResiliencePipeline<HttpResponseMessage> _repeatable;
    private readonly ResiliencePipeline<HttpResponseMessage> _notProcessedOnly;
    private readonly TimeSpan _tryTimeout;

    /// <summary>Creates the handler.</summary>
    /// <param name="maxRetries">How many times to retry one call; 0 sends every call once.</param>
    /// <param name="maxDelay">The longest wait between tries. A server asking for a longer wait (Retry-After) is not retried: its answer is returned at once.</param>
    /// <param name="tryTimeout">How long one try may wait for its answer (and, for JSON, its whole body); <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="time">The clock for the waits between tries (tests use a fake one). The per-try timeout runs on real time: it guards against a silent network.</param>
    public RetryHandler(int maxRetries, TimeSpan maxDelay, TimeSpan tryTimeout, TimeProvider time)
    {
        _tryTimeout = tryTimeout;
        bool WorthWaiting(HttpResponseMessage response) => !(RetryAfter.From(response, time) > maxDelay);
        _repeatable = Build(maxRetries, maxDelay, time, outcome => outcome switch
        {
            { Exception: HttpRequestException or IOException or TimeoutException } => true,
            { Result: { } response } => (RetryAfter.IsTransient(response.StatusCode) || IsMalformed(response)) && WorthWaiting(response),
            _ => false,
        });
        _notProcessedOnly = Build(maxRetries, maxDelay, time, outcome =>
            outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response && WorthWaiting(response));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var repeatable = request.Method == HttpMethod.Get || (request.Options.TryGetValue(Idempotent, out var marked) && marked);
        return await (repeatable ? _repeatable : _notProcessedOnly).ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.TryAsync(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

    private static bool IsMalformed(HttpResponseMessage response) =>
        response.RequestMessage?.Options.TryGetValue(JsonBody.Malformed, out var malformed) == true && malformed;

    private static ResiliencePipeline<HttpResponseMessage> Build(int maxRetries, TimeSpan maxDelay, TimeProvider time, Func<Outcome<HttpResponseMessage>, bool> shouldRetry)
    {
        if (maxRetries < 1)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.From(response, time) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>One try: the answer, with a JSON body read and checked, within the per-try timeout.</summary>
    private async Task<HttpResponseMessage> TryAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_tryTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            request.Options.Set(JsonBody.Malformed, await JsonBody.IsMalformedAsync(response, attempt.Token).ConfigureAwait(false));
            return response;
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException($"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} had no answer within {_tryTimeout.TotalSeconds:0.###} s.");
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
