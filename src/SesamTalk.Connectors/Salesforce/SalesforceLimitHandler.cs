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
    private readonly SalesforceApiUsage _usage;
    private readonly int _reserve;

    /// <summary>Creates the handler.</summary>
    /// <param name="usage">The org's shared usage figures.</param>
    /// <param name="reserve">Calls to leave unused each day.</param>
    public SalesforceLimitHandler(SalesforceApiUsage usage, int reserve)
    {
        _usage = usage;
        _reserve = reserve;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_usage.Remaining is { } remaining && remaining <= _reserve)
        {
            throw Exhausted();
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _usage.Observe(response);
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

    private SyncQuotaExhaustedException Exhausted() =>
        new("Salesforce", _usage.Used ?? 0, _usage.Limit ?? 0, resetsAt: null);
}
