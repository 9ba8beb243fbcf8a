using System.Globalization;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// The OAuth 2.0 session with SuperOffice: exchanges an authorization code (saving the refresh token to the
/// <see cref="ISuperOfficeTokenStore"/>) and fetches a new access token with the stored refresh token shortly before
/// the current one expires or when the API answers 401. SuperOffice's refresh responses carry no new refresh token, so
/// the stored one is kept. Tokens and the secret never appear in messages.
/// </summary>
public sealed class SuperOfficeSession : IBearerTokenSource<SuperOfficeToken>, IDisposable
{
    /// <summary>The name of the HttpClient that talks to the token endpoint.</summary>
    public const string LoginClient = "SesamTalk.SuperOffice.Login";

    private readonly SuperOfficeOptions _options;
    private readonly OAuthRefreshSession<SuperOfficeToken> _tokens;
    private readonly SuperOfficeSystemUserTickets? _tickets;

    /// <summary>Creates the session (DI does this).</summary>
    /// <param name="clients">The HttpClient factory.</param>
    /// <param name="options">The connection's options.</param>
    /// <param name="store">Where the refresh token lives.</param>
    /// <param name="time">The clock that decides when a token is due for refresh.</param>
    public SuperOfficeSession(IHttpClientFactory clients, IOptions<SuperOfficeOptions> options, ISuperOfficeTokenStore store, TimeProvider time)
    {
        _options = options.Value;
        // SuperOffice's refresh responses carry no refresh token: the one from the code exchange is kept.
        _tokens = new(
            new OAuthTokenEndpoint(clients, LoginClient, () => new Uri(LoginBaseUrl, "login/common/oauth/tokens"), time),
            _options,
            new RefreshTokenChain(store.LoadRefreshTokenAsync, store.SaveRefreshTokenAsync),
            (accessToken, expiresAt) => new SuperOfficeToken(accessToken, expiresAt),
            // Only the error code is kept: SuperOffice's descriptions are not documented and could echo what was sent.
            (error, status, _) => new SuperOfficeAuthenticationException(error, status, store.RenewalAdvice))
        {
            SendsRedirectUriOnRefresh = true,
        };
        _tickets = _options.SystemUser is null ? null : new SuperOfficeSystemUserTickets(this, clients, _options, time);
    }

    /// <summary>The identity site, ending in "/".</summary>
    public Uri LoginBaseUrl => WithSlash(_options.LoginBaseUrl ?? throw new InvalidOperationException("SesamTalk:SuperOffice:LoginBaseUrl is not set."));

    /// <summary>The tenant's WebAPI root, ending in "/" (e.g. <c>…/Cust12345/api/</c>).</summary>
    public Uri ApiUrl => _options.ApiUrl is { } api
        ? WithSlash(api)
        : !string.IsNullOrWhiteSpace(_options.Tenant)
            ? new Uri(LoginBaseUrl, Uri.EscapeDataString(_options.Tenant) + "/api/")
            : throw new InvalidOperationException("Set SesamTalk:SuperOffice:ApiUrl or SesamTalk:SuperOffice:Tenant.");

    /// <summary>Where to send the user to authorise the app; SuperOffice redirects back to the redirect URI with a code.</summary>
    /// <param name="state">An opaque value the redirect carries back.</param>
    public Uri AuthorizationUrl(string state) => new(LoginBaseUrl,
        "login/common/oauth/authorize?client_id=" + Uri.EscapeDataString(_options.ClientId)
        + "&scope=openid&redirect_uri=" + Uri.EscapeDataString(_options.RedirectUri)
        + "&response_type=code&state=" + Uri.EscapeDataString(state));

    /// <summary>Exchanges the code from the redirect for tokens and saves the refresh token.</summary>
    /// <param name="code">The <c>code</c> query parameter of the redirect.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    public Task RedeemAuthorizationCodeAsync(string code, CancellationToken cancellationToken = default) =>
        _tokens.RedeemAuthorizationCodeAsync(code, cancellationToken);

    /// <inheritdoc />
    /// <remarks>A System User ticket when <see cref="SuperOfficeOptions.SystemUser"/> is set, else an OAuth access token.</remarks>
    public Task<SuperOfficeToken> GetTokenAsync(CancellationToken cancellationToken) =>
        _tickets?.GetTokenAsync(cancellationToken) ?? _tokens.GetTokenAsync(cancellationToken);

    /// <inheritdoc />
    public void Invalidate(SuperOfficeToken rejected)
    {
        _tickets?.Invalidate(rejected);
        _tokens.Invalidate(rejected);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _tickets?.Dispose();
        _tokens.Dispose();
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}

/// <summary>A SuperOffice credential and when it expires: an OAuth access token, or a System User ticket.</summary>
/// <param name="AccessToken">The access token or ticket. Never logged.</param>
/// <param name="ExpiresAt">When it is replaced.</param>
/// <param name="Scheme">The Authorization scheme: <c>Bearer</c>, or <c>SOTicket</c> for a ticket.</param>
/// <param name="ApplicationToken">The app's secret sent as <c>SO-AppToken</c> with a ticket, or null. Never logged.</param>
public sealed record SuperOfficeToken(string AccessToken, DateTimeOffset ExpiresAt, string Scheme = "Bearer", string? ApplicationToken = null) : IBearerToken
{
    /// <summary>The scheme of a System User ticket.</summary>
    public const string TicketScheme = "SOTicket";

    /// <inheritdoc />
    public void AddHeaders(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ApplicationToken is { } application)
        {
            request.Headers.Remove("SO-AppToken");
            request.Headers.Add("SO-AppToken", application);
        }
    }

    /// <summary>Keeps the token out of logs and debugger displays.</summary>
    public override string ToString() => "SuperOfficeToken(" + Scheme + ", expires " + ExpiresAt.ToString("O", CultureInfo.InvariantCulture) + ")";
}
