using System.Net;
using System.Net.Http.Headers;

namespace SesamTalk.Connectors.Http;

/// <summary>An access token to send as <c>Authorization: Bearer</c>.</summary>
public interface IBearerToken
{
    /// <summary>The token. Never logged.</summary>
    string AccessToken { get; }

    /// <summary>The Authorization scheme the token goes with.</summary>
    string Scheme => "Bearer";

    /// <summary>Adds headers a system wants next to the token (SuperOffice's <c>SO-AppToken</c> with a ticket).</summary>
    /// <param name="request">The request being signed.</param>
    void AddHeaders(HttpRequestMessage request)
    {
    }
}

/// <summary>Where a connector's access tokens come from: a session that fetches, caches and renews them.</summary>
/// <typeparam name="TToken">The system's token type.</typeparam>
public interface IBearerTokenSource<TToken>
    where TToken : class, IBearerToken
{
    /// <summary>The current token, fetching or renewing one when needed.</summary>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    Task<TToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Drops a token the system refused, so that the next call gets a new one.</summary>
    /// <param name="rejected">The refused token.</param>
    void Invalidate(TToken rejected);
}

/// <summary>
/// Signs calls with the source's bearer token. A 401 (the token expired early or was revoked) drops the token and
/// repeats the call with a new one; a 401 is an answer to a request that was not processed, so every call may be
/// repeated. A token can expire again while one call is under way (its tries and backoff can outlast a short-lived
/// token), so a second 401 gets a second new token; after that, or when the source hands back the refused token, the
/// 401 is the answer.
/// </summary>
/// <typeparam name="TToken">The system's token type.</typeparam>
public sealed class BearerTokenHandler<TToken> : DelegatingHandler
    where TToken : class, IBearerToken
{
    /// <summary>New tokens one call may ask for after 401s.</summary>
    private const int MaxRenewals = 2;

    private readonly IBearerTokenSource<TToken> _source;

    /// <summary>Creates the handler.</summary>
    /// <param name="source">The system's token source.</param>
    public BearerTokenHandler(IBearerTokenSource<TToken> source) => _source = source;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await Sign(request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var renewals = 0; response.StatusCode == HttpStatusCode.Unauthorized && renewals < MaxRenewals; renewals++)
        {
            _source.Invalidate(token);
            var renewed = await Sign(request, cancellationToken).ConfigureAwait(false);
            if (ReferenceEquals(renewed, token))
            {
                return response;
            }

            response.Dispose();
            token = renewed;
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private async Task<TToken> Sign(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _source.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue(token.Scheme, token.AccessToken);
        token.AddHeaders(request);
        return token;
    }
}
