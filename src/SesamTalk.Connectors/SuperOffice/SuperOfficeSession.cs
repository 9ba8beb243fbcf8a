using System.Globalization;
using System.Net;
using System.Text.Json;
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

    private readonly IHttpClientFactory _clients;
    private readonly SuperOfficeOptions _options;
    private readonly ISuperOfficeTokenStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SuperOfficeToken? _current;

    /// <summary>Creates the session (DI does this).</summary>
    /// <param name="clients">The HttpClient factory.</param>
    /// <param name="options">The connection's options.</param>
    /// <param name="store">Where the refresh token lives.</param>
    /// <param name="time">The clock that decides when a token is due for refresh.</param>
    public SuperOfficeSession(IHttpClientFactory clients, IOptions<SuperOfficeOptions> options, ISuperOfficeTokenStore store, TimeProvider time)
    {
        _clients = clients;
        _options = options.Value;
        _store = store;
        _time = time;
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
    public async Task RedeemAuthorizationCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (token, refreshToken) = await RequestAsync("authorization_code", "code", code, cancellationToken).ConfigureAwait(false);
            await _store.SaveRefreshTokenAsync(refreshToken ?? throw new SuperOfficeAuthenticationException("malformed_response", HttpStatusCode.OK), cancellationToken).ConfigureAwait(false);
            _current = token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<SuperOfficeToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Usable(_current) is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Usable(_current) is { } fresh)
            {
                return fresh;
            }

            var refreshToken = await _store.LoadRefreshTokenAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(refreshToken))
            {
                throw new SuperOfficeAuthenticationException(SuperOfficeAuthenticationException.NoRefreshToken, 0);
            }

            return _current = (await RequestAsync("refresh_token", "refresh_token", refreshToken, cancellationToken).ConfigureAwait(false)).Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Invalidate(SuperOfficeToken rejected) => Interlocked.CompareExchange(ref _current, null, rejected);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private SuperOfficeToken? Usable(SuperOfficeToken? token) =>
        token is not null && _time.GetUtcNow() < token.ExpiresAt - _options.TokenRefreshMargin ? token : null;

    private async Task<(SuperOfficeToken Token, string? RefreshToken)> RequestAsync(string grant, string name, string value, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = grant,
            [name] = value,
            ["client_id"] = _options.ClientId,
            ["client_secret"] = _options.ClientSecret,
            ["redirect_uri"] = _options.RedirectUri,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(LoginBaseUrl, "login/common/oauth/tokens")) { Content = new FormUrlEncodedContent(form) };
        var sentAt = _time.GetUtcNow();
        using var response = await _clients.CreateClient(LoginClient).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonElement root;
        try
        {
            using var json = JsonDocument.Parse(body);
            root = json.RootElement.Clone();
        }
        catch (JsonException)
        {
            root = default;
        }

        // Only the error code is kept: SuperOffice's descriptions are not documented and could echo what was sent.
        if (!response.IsSuccessStatusCode)
        {
            throw new SuperOfficeAuthenticationException(Text(root, "error") ?? "unknown_error", response.StatusCode);
        }

        return Text(root, "access_token") is { } access && Lifetime(root) is { } lifetime
            ? (new SuperOfficeToken(access, sentAt + lifetime), Text(root, "refresh_token"))
            : throw new SuperOfficeAuthenticationException("malformed_response", response.StatusCode);
    }

    /// <summary><c>expires_in</c> comes as a number (3600) in recorded responses; a string ("300") is accepted too.</summary>
    private static TimeSpan? Lifetime(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("expires_in", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return TimeSpan.FromSeconds(number);
        }

        return value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A SuperOffice access token and when it expires.</summary>
/// <param name="AccessToken">The bearer token. Never logged.</param>
/// <param name="ExpiresAt">When SuperOffice stops accepting it.</param>
public sealed record SuperOfficeToken(string AccessToken, DateTimeOffset ExpiresAt) : IBearerToken
{
    /// <summary>Keeps the token out of logs and debugger displays.</summary>
    public override string ToString() => "SuperOfficeToken(expires " + ExpiresAt.ToString("O", CultureInfo.InvariantCulture) + ")";
}
