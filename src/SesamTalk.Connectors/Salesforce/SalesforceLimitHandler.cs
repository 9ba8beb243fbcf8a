using System.Net;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Paces calls by the org's daily quota: records <c>Sforce-Limit-Info</c> from every response and, once the calls
/// left fall to the reserve the host keeps for its other integrations, refuses further calls with
/// <see cref="SyncQuotaExhaustedException"/> instead of spending the last of the quota. Salesforce's own
/// <c>REQUEST_LIMIT_EXCEEDED</c> answer becomes the same exception.
/// </summary>
public sealed class SalesforceLimitHandler : DelegatingHandler
{
    /// <summary>
    /// How long a figure at the reserve holds before one call may go out to read a fresh one: the daily window rolls, so
    /// calls used a day ago come back over time, and only a response says so.
    /// </summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(15);

    private readonly SalesforceApiUsage _usage;
    private readonly int _reserve;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="usage">The org's shared usage figures.</param>
    /// <param name="reserve">Calls to leave unused each day.</param>
    /// <param name="time">The clock that says when a figure at the reserve may be checked again.</param>
    public SalesforceLimitHandler(SalesforceApiUsage usage, int reserve, TimeProvider time)
    {
        _usage = usage;
        _reserve = reserve;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_usage.Remaining is { } remaining && remaining <= _reserve && _time.GetUtcNow() < RecheckAt)
        {
            throw Exhausted();
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _usage.Observe(response, _time.GetUtcNow());
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (body.Contains("REQUEST_LIMIT_EXCEEDED", StringComparison.Ordinal))
            {
                response.Dispose();
                throw Exhausted();
            }
        }

        return response;
    }

    private DateTimeOffset RecheckAt => (_usage.ObservedAt ?? DateTimeOffset.MinValue) + RecheckInterval;

    private SyncQuotaExhaustedException Exhausted() =>
        new("Salesforce", _usage.Used ?? 0, _usage.Limit ?? 0, resetsAt: RecheckAt);
}
