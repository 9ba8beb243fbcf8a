using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// The OAuth 2.0 session with Exact Online: exchanges an authorization code, refreshes the 10-minute access token
/// shortly before it expires (or when the API answers 401), and saves each rotated refresh token to the
/// <see cref="IExactOnlineTokenStore"/> before the access token that came with it is used. Refreshes are serialised,
/// since two refreshes with one token would kill the chain. Tokens and the secret never appear in messages.
/// </summary>
public sealed class ExactOnlineSession : IBearerTokenSource<ExactOnlineToken>, IDisposable
{
    /// <summary>The name of the HttpClient that talks to the token endpoint.</summary>
    public const string LoginClient = "SesamTalk.ExactOnline.Login";

    private readonly IHttpClientFactory _clients;
    private readonly ExactOnlineOptions _options;
    private readonly IExactOnlineTokenStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ExactOnlineToken? _current;

    /// <summary>Creates the session (DI does this).</summary>
    /// <param name="clients">The HttpClient factory.</param>
    /// <param name="options">The connection's options.</param>
    /// <param name="store">Where the refresh token lives.</param>
    /// <param name="time">The clock that decides when a token is due for refresh.</param>
    public ExactOnlineSession(IHttpClientFactory clients, IOptions<ExactOnlineOptions> options, IExactOnlineTokenStore store, TimeProvider time)
    {
        _clients = clients;
        _options = options.Value;
        _store = store;
        _time = time;
    }

    /// <summary>The site URL everything lives below, ending in "/".</summary>
    public Uri BaseUrl => _options.BaseUrl is { } url
        ? (url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"))
        : throw new InvalidOperationException("SesamTalk:ExactOnline:BaseUrl is not set.");

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
    public async Task RedeemAuthorizationCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _current = await RequestAsync("authorization_code", "code", code, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An access token with more than the refresh margin left, refreshing it when needed.</summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    public async Task<ExactOnlineToken> GetTokenAsync(CancellationToken cancellationToken)
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
                throw new ExactOnlineAuthenticationException(ExactOnlineAuthenticationException.NoRefreshToken, 0, null);
            }

            return _current = await RequestAsync("refresh_token", "refresh_token", refreshToken, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="rejected"/> so that the next call refreshes (unless another call already did).</summary>
    /// <param name="rejected">The token the API refused.</param>
    public void Invalidate(ExactOnlineToken rejected) => Interlocked.CompareExchange(ref _current, null, rejected);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private ExactOnlineToken? Usable(ExactOnlineToken? token) =>
        token is not null && _time.GetUtcNow() < token.ExpiresAt - _options.TokenRefreshMargin ? token : null;

    private async Task<ExactOnlineToken> RequestAsync(string grant, string name, string value, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = grant,
            [name] = value,
            ["client_id"] = _options.ClientId,
            ["client_secret"] = _options.ClientSecret,
        };
        if (grant == "authorization_code")
        {
            form["redirect_uri"] = _options.RedirectUri;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, "api/oauth2/token")) { Content = new FormUrlEncodedContent(form) };
        var sentAt = _time.GetUtcNow();
        using var response = await _clients.CreateClient(LoginClient).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var (token, refreshToken) = Parse(response.StatusCode, body, response.IsSuccessStatusCode, value, sentAt);

        // The refresh token just used is dead now: keep the new one before anything depends on it.
        await _store.SaveRefreshTokenAsync(refreshToken, cancellationToken).ConfigureAwait(false);
        return token;
    }

    private (ExactOnlineToken Token, string RefreshToken) Parse(HttpStatusCode status, string body, bool success, string grantValue, DateTimeOffset sentAt)
    {
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

        if (!success)
        {
            throw new ExactOnlineAuthenticationException(Text(root, "error") ?? "unknown_error", status, Redact(Text(root, "error_description"), grantValue));
        }

        return Text(root, "access_token") is { } access && Text(root, "refresh_token") is { } refresh && Lifetime(root) is { } lifetime
            ? (new ExactOnlineToken(access, sentAt + lifetime), refresh)
            : throw new ExactOnlineAuthenticationException("malformed_response", status, "The token response is not the JSON Exact Online sends.");
    }

    /// <summary><c>expires_in</c> comes as a string ("600") from Exact; a number is accepted too.</summary>
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

    private string? Redact(string? description, string grantValue)
    {
        if (description is null)
        {
            return null;
        }

        foreach (var secret in new[] { grantValue, _options.ClientSecret }.Where(s => s.Length > 0))
        {
            description = description.Replace(secret, "***", StringComparison.Ordinal);
        }

        return description;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>An access token and when it expires.</summary>
/// <param name="AccessToken">The bearer token. Never logged.</param>
/// <param name="ExpiresAt">When Exact stops accepting it.</param>
public sealed record ExactOnlineToken(string AccessToken, DateTimeOffset ExpiresAt) : IBearerToken
{
    /// <summary>Keeps the token out of logs and debugger displays.</summary>
    public override string ToString() => "ExactOnlineToken(expires " + ExpiresAt.ToString("O", CultureInfo.InvariantCulture) + ")";
}
