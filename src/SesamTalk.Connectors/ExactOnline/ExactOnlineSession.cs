using System.Globalization;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// The OAuth 2.0 session with Exact Online: exchanges an authorization code, refreshes the 10-minute access token
/// shortly before it expires (or when the API answers 401), and saves each rotated refresh token to the
/// <see cref="IExactOnlineTokenStore"/> before the access token that came with it is used. Refreshes are serialised,
/// since two refreshes with one token would kill the chain. Tokens and the secret never appear in messages.
/// </summary>
/// <param name="clients">The HttpClient factory.</param>
/// <param name="options">The connection's options.</param>
/// <param name="store">Where the refresh token lives.</param>
/// <param name="time">The clock that decides when a token is due for refresh.</param>
public sealed class ExactOnlineSession(IHttpClientFactory clients, IOptions<ExactOnlineOptions> options, IExactOnlineTokenStore store, TimeProvider time)
    : IBearerTokenSource<ExactOnlineToken>, IDisposable
{
    /// <summary>The name of the HttpClient that talks to the token endpoint.</summary>
    public const string LoginClient = "SesamTalk.ExactOnline.Login";

    private readonly ExactOnlineOptions _options = options.Value;

    private readonly OAuthRefreshSession<ExactOnlineToken> _tokens = new(
        new OAuthTokenEndpoint(clients, LoginClient, () => new Uri(Site(options.Value), "api/oauth2/token"), time),
        options.Value,
        new RefreshTokenChain(store.LoadRefreshTokenAsync, store.SaveRefreshTokenAsync) { Rotates = true },
        (accessToken, expiresAt) => new ExactOnlineToken(accessToken, expiresAt),
        (error, status, description) => new ExactOnlineAuthenticationException(error, status, description, store.RenewalAdvice));

    /// <summary>The site URL everything lives below, ending in "/".</summary>
    public Uri BaseUrl => Site(_options);

    /// <summary>The division found through <c>current/Me</c>, once the client has asked.</summary>
    internal int? CurrentDivision { get; set; }

    /// <summary>Where to send the user to authorise the app; Exact redirects back to the redirect URI with a code.</summary>
    /// <param name="state">An opaque value the redirect carries back, to tie it to this request.</param>
    public Uri AuthorizationUrl(string state) => new(BaseUrl,
        "api/oauth2/auth?client_id=" + Uri.EscapeDataString(_options.ClientId)
        + "&redirect_uri=" + Uri.EscapeDataString(_options.RedirectUri)
        + "&response_type=code&force_login=0&state=" + Uri.EscapeDataString(state));

    /// <summary>Exchanges the code from the redirect for tokens and saves the refresh token.</summary>
    /// <param name="code">The <c>code</c> query parameter of the redirect.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    public Task RedeemAuthorizationCodeAsync(string code, CancellationToken cancellationToken = default) =>
        _tokens.RedeemAuthorizationCodeAsync(code, cancellationToken);

    /// <summary>An access token with more than the refresh margin left, refreshing it when needed.</summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    public Task<ExactOnlineToken> GetTokenAsync(CancellationToken cancellationToken) => _tokens.GetTokenAsync(cancellationToken);

    /// <summary>Drops <paramref name="rejected"/> so that the next call refreshes (unless another call already did).</summary>
    /// <param name="rejected">The token the API refused.</param>
    public void Invalidate(ExactOnlineToken rejected) => _tokens.Invalidate(rejected);

    /// <inheritdoc />
    public void Dispose() => _tokens.Dispose();

    private static Uri Site(ExactOnlineOptions options) => options.BaseUrl is { } url
        ? (url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"))
        : throw new InvalidOperationException("SesamTalk:ExactOnline:BaseUrl is not set.");
}

/// <summary>An access token and when it expires.</summary>
/// <param name="AccessToken">The bearer token. Never logged.</param>
/// <param name="ExpiresAt">When Exact stops accepting it.</param>
public sealed record ExactOnlineToken(string AccessToken, DateTimeOffset ExpiresAt) : IBearerToken
{
    /// <summary>Keeps the token out of logs and debugger displays.</summary>
    public override string ToString() => "ExactOnlineToken(expires " + ExpiresAt.ToString("O", CultureInfo.InvariantCulture) + ")";
}
