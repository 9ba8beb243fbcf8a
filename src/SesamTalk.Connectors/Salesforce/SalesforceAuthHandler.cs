using System.Net;
using System.Net.Http.Headers;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Signs API calls with the session's bearer token. A 401 (the session expired or was revoked) drops the token and
/// repeats the call once with a fresh one.
/// </summary>
public sealed class SalesforceAuthHandler : DelegatingHandler
{
    private readonly SalesforceSession _session;

    /// <summary>Creates the handler.</summary>
    /// <param name="session">The org's session.</param>
    public SalesforceAuthHandler(SalesforceSession session) => _session = session;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await Sign(request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        _session.Invalidate(token);
        await Sign(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SalesforceToken> Sign(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return token;
    }
}
