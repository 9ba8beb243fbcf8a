using System.Net;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Paces calls by Exact's rate-limit headers: when the minutely budget is used up, the next call waits for the
/// window to reset instead of collecting a 429, or, when the reset is further away than the longest wait allowed
/// (<see cref="ExactOnlineOptions.MaxRateLimitWait"/>), fails with <see cref="SyncQuotaExhaustedException"/> carrying
/// the reset, so the engine stops at its checkpoint and the background sync runs the flow again then, instead of the
/// flow holding every other flow's cycle while it waits; when the daily budget is used up, calls fail with
/// <see cref="SyncQuotaExhaustedException"/> (a 429 for the daily budget too, which no retry could fix), and the
/// engine stops at its last checkpoint until the reset time the exception carries.
/// </summary>
internal sealed class ExactOnlineRateLimitHandler : DelegatingHandler
{
    private readonly ExactOnlineRateLimits _limits;
    private readonly TimeSpan _maxWait;
    private readonly TimeProvider _time;

    public ExactOnlineRateLimitHandler(ExactOnlineRateLimits limits, TimeSpan maxWait, TimeProvider time)
    {
        _limits = limits;
        _maxWait = maxWait;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        while (_limits.TryAdmit(_time.GetUtcNow(), _maxWait) is { } wait)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _limits.Observe(response.Headers);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && _limits.DailyExhausted(_time.GetUtcNow()) is { } exhausted)
        {
            response.Dispose();
            throw exhausted;
        }

        return response;
    }
}
