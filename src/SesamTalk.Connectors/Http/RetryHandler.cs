using System.Net;
using Polly;
using Polly.Retry;

namespace SesamTalk.Connectors.Http;

/// <summary>
/// Retries throttled and transiently failed calls with Polly.Core: the server's <c>Retry-After</c> wins, otherwise
/// exponential backoff with jitter. Requests that are safe to repeat (reads, and writes the caller marks with
/// <see cref="Idempotent"/>) are retried after any transient failure; other writes only after a 429, which says
/// the server did not process them, because after a 5xx or a lost connection the write may have happened.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    /// <summary>The request option that marks a non-GET request as safe to repeat.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("SesamTalk.Idempotent");

    private readonly ResiliencePipeline<HttpResponseMessage> _repeatable;
    private readonly ResiliencePipeline<HttpResponseMessage> _throttledOnly;

    /// <summary>Creates the handler.</summary>
    /// <param name="maxRetries">How many times to retry one call; 0 sends every call once.</param>
    /// <param name="maxDelay">The longest wait between tries. A server asking for a longer wait (Retry-After) is not retried: its answer is returned at once.</param>
    /// <param name="time">The clock (tests use a fake one).</param>
    public RetryHandler(int maxRetries, TimeSpan maxDelay, TimeProvider time)
    {
        // A Retry-After longer than the longest wait allowed (an exhausted hourly or daily budget) is not waited out in
        // the call: the failure surfaces at once and the engine stops the cycle at its last checkpoint.
        bool WorthWaiting(HttpResponseMessage response) => !(RetryAfter.From(response, time) > maxDelay);
        _repeatable = Build(maxRetries, maxDelay, time, outcome => outcome switch
        {
            { Exception: HttpRequestException } => true,
            { Result: { } response } => RetryAfter.IsTransient(response.StatusCode) && WorthWaiting(response),
            _ => false,
        });
        _throttledOnly = Build(maxRetries, maxDelay, time, outcome => outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response && WorthWaiting(response));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var repeatable = request.Method == HttpMethod.Get || (request.Options.TryGetValue(Idempotent, out var marked) && marked);
        return await (repeatable ? _repeatable : _throttledOnly).ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendCore(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

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

    private Task<HttpResponseMessage> SendCore(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
