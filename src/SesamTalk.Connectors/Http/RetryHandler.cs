using Polly;
using Polly.Retry;

namespace SesamTalk.Connectors.Http;

/// <summary>
/// Retries throttled and transiently failed calls with Polly.Core: the server's <c>Retry-After</c> wins, otherwise
/// exponential backoff with jitter. Only requests that are safe to repeat are retried: reads, and writes that carry
/// their own protection against duplicates (the caller marks them with <see cref="Idempotent"/>).
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    /// <summary>The request option that marks a non-GET request as safe to repeat.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("SesamTalk.Idempotent");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the handler.</summary>
    /// <param name="maxRetries">How many times to retry one call.</param>
    /// <param name="maxDelay">The longest wait between tries; a longer Retry-After is capped to it.</param>
    /// <param name="time">The clock (tests use a fake one).</param>
    public RetryHandler(int maxRetries, TimeSpan maxDelay, TimeProvider time)
    {
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    { Result: { } response } => RetryAfter.IsTransient(response.StatusCode),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfter.From(response, time) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var repeatable = request.Method == HttpMethod.Get || (request.Options.TryGetValue(Idempotent, out var marked) && marked);
        if (!repeatable)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await _pipeline.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendCore(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendCore(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
