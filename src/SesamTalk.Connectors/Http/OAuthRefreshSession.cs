using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SesamTalk.Connectors.Http;

/// <summary>
/// The part of an OAuth 2.0 refresh-token session that every system shares: keeps the current access token until it
/// is within the refresh margin of expiring, serialises refreshes behind one semaphore (two refreshes with one token
/// could kill a rotating chain), loads the refresh token from the host's store (failing with the system's
/// "needs re-authorisation" error when there is none), posts the token request form and parses
/// <c>access_token</c>, <c>refresh_token</c> and <c>expires_in</c> (a number or a string). A subclass supplies the
/// endpoint, the client credentials, any extra form fields, what happens to a returned refresh token and the
/// exceptions to throw. Tokens and the secret never appear in messages raised here.
/// </summary>
/// <typeparam name="TToken">The system's access-token type.</typeparam>
internal abstract class OAuthRefreshSession<TToken> : IBearerTokenSource<TToken>, IDisposable
    where TToken : class, IBearerToken
{
    /// <summary>The <c>grant_type</c> that redeems an authorization code.</summary>
    protected const string AuthorizationCodeGrant = "authorization_code";

    private readonly IHttpClientFactory _clients;
    private readonly string _loginClient;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TToken? _current;

    /// <summary>Creates the session.</summary>
    /// <param name="clients">The HttpClient factory.</param>
    /// <param name="loginClient">The name of the HttpClient that talks to the token endpoint.</param>
    /// <param name="time">The clock that decides when a token is due for refresh.</param>
    protected OAuthRefreshSession(IHttpClientFactory clients, string loginClient, TimeProvider time)
    {
        _clients = clients;
        _loginClient = loginClient;
        _time = time;
    }

    /// <summary>The URL the token request form is posted to.</summary>
    protected abstract Uri TokenEndpoint { get; }

    /// <summary>How long before expiry a token counts as due for refresh.</summary>
    protected abstract TimeSpan RefreshMargin { get; }

    /// <summary>The app's client id.</summary>
    protected abstract string ClientId { get; }

    /// <summary>The app's client secret.</summary>
    protected abstract string ClientSecret { get; }

    /// <summary>Whether every successful token response must carry a <c>refresh_token</c> (the system rotates them).</summary>
    protected abstract bool RequiresRefreshToken { get; }

    /// <summary>Exchanges the code from the redirect for tokens; <see cref="KeepRefreshTokenAsync"/> decides what is saved.</summary>
    /// <param name="code">The <c>code</c> query parameter of the redirect.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    public async Task RedeemAuthorizationCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _current = await RequestAsync(AuthorizationCodeGrant, "code", code, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An access token with more than the refresh margin left, refreshing it when needed.</summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    public async Task<TToken> GetTokenAsync(CancellationToken cancellationToken)
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

            var refreshToken = await LoadRefreshTokenAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(refreshToken))
            {
                throw NoRefreshToken();
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
    public void Invalidate(TToken rejected) => Interlocked.CompareExchange(ref _current, null, rejected);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>Reads the stored refresh token from the host's store.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    protected abstract ValueTask<string?> LoadRefreshTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called with the <c>refresh_token</c> of a successful response (null when it had none) before the access token
    /// that came with it is cached or returned, so a rotated token can be saved first.
    /// </summary>
    /// <param name="refreshToken">The returned refresh token, if any.</param>
    /// <param name="redeemed">Whether the response answers an authorization-code redemption.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    protected abstract ValueTask KeepRefreshTokenAsync(string? refreshToken, bool redeemed, CancellationToken cancellationToken);

    /// <summary>Adds the system's own fields to the token request form.</summary>
    /// <param name="form">The form, already holding grant_type, the grant, client_id and client_secret.</param>
    /// <param name="grantType">The <c>grant_type</c> being requested.</param>
    protected abstract void AddFormFields(IDictionary<string, string> form, string grantType);

    /// <summary>Wraps an access token in the system's token type.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="expiresAt">When it expires.</param>
    protected abstract TToken CreateToken(string accessToken, DateTimeOffset expiresAt);

    /// <summary>When <paramref name="token"/> expires.</summary>
    /// <param name="token">A token made by <see cref="CreateToken"/>.</param>
    protected abstract DateTimeOffset ExpiresAt(TToken token);

    /// <summary>The error for a session that has no refresh token and needs re-authorisation.</summary>
    protected abstract Exception NoRefreshToken();

    /// <summary>The error for a token request the endpoint refused.</summary>
    /// <param name="error">The <c>error</c> code, or <c>unknown_error</c>.</param>
    /// <param name="status">The response status.</param>
    /// <param name="description">The raw <c>error_description</c>, which may echo what was sent.</param>
    /// <param name="grantValue">The code or refresh token that was sent.</param>
    protected abstract Exception Rejected(string error, HttpStatusCode status, string? description, string grantValue);

    /// <summary>The error for a successful response that is not the expected token JSON.</summary>
    /// <param name="status">The response status.</param>
    protected abstract Exception Malformed(HttpStatusCode status);

    private TToken? Usable(TToken? token) =>
        token is not null && _time.GetUtcNow() < ExpiresAt(token) - RefreshMargin ? token : null;

    private async Task<TToken> RequestAsync(string grant, string name, string value, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = grant,
            [name] = value,
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        };
        AddFormFields(form, grant);

        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        var sentAt = _time.GetUtcNow();
        using var response = await _clients.CreateClient(_loginClient).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var (token, refreshToken) = Parse(response.StatusCode, body, response.IsSuccessStatusCode, value, sentAt);
        await KeepRefreshTokenAsync(refreshToken, grant == AuthorizationCodeGrant, cancellationToken).ConfigureAwait(false);
        return token;
    }

    private (TToken Token, string? RefreshToken) Parse(HttpStatusCode status, string body, bool success, string grantValue, DateTimeOffset sentAt)
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
            throw Rejected(Text(root, "error") ?? "unknown_error", status, Text(root, "error_description"), grantValue);
        }

        var refresh = Text(root, "refresh_token");
        return Text(root, "access_token") is { } access && (refresh is not null || !RequiresRefreshToken) && Lifetime(root) is { } lifetime
            ? (CreateToken(access, sentAt + lifetime), refresh)
            : throw Malformed(status);
    }

    /// <summary><c>expires_in</c> in seconds, as a number (3600) or a string ("600").</summary>
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
