using System.Net;
using SesamTalk.Connectors.Hosting;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Paces calls by Exact's rate-limit headers: when the minutely budget is used up, the next call waits for the
/// window to reset instead of collecting a 429, or, in the background sync when the reset is further away than the
/// wait it allows (<see cref="RateLimitPatience"/>), fails with <see cref="SyncQuotaExhaustedException"/> carrying the
/// reset, so the cycle stops at its checkpoint and runs again then instead of holding every other flow's cycle while it
/// waits; when the daily budget is used up, calls fail with
/// <see cref="SyncQuotaExhaustedException"/> (a 429 for the daily budget too, which no retry could fix), and the
/// engine stops at its last checkpoint until the reset time the exception carries.
/// </summary>
internal sealed class ExactOnlineRateLimitHandler : DelegatingHandler
{
    private readonly ExactOnlineRateLimits _limits;
    private readonly TimeProvider _time;

    public ExactOnlineRateLimitHandler(ExactOnlineRateLimits limits, TimeProvider time)
    {
        _limits = limits;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        while (_limits.TryAdmit(_time.GetUtcNow(), RateLimitPatience.MaxWait ?? TimeSpan.MaxValue) is { } wait)
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
