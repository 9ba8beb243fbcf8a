using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SesamTalk.Connectors.Http;

/// <summary>
/// The part of an OAuth 2.0 authorization-code session that every system shares: redeems the code from the redirect,
/// keeps the access token until it is within the app's refresh margin of expiring (one refresh at a time), refreshes it
/// with the stored refresh token (failing with the system's "needs re-authorisation" error when there is none), and
/// keeps the refresh tokens the endpoint returns. It posts the token request form and parses <c>access_token</c>,
/// <c>refresh_token</c> and <c>expires_in</c> (a number or a string). Tokens and the secret never appear in messages
/// raised here: an <c>error_description</c> reaches the system's error with them masked.
/// </summary>
/// <typeparam name="TToken">The system's access-token type.</typeparam>
/// <param name="endpoint">The HttpClient that talks to the token endpoint, the endpoint's URL and the clock.</param>
/// <param name="app">The app the session signs in as.</param>
/// <param name="chain">Where the refresh tokens are kept, and whether they rotate.</param>
/// <param name="issue">Wraps an access token and its expiry in the system's token type.</param>
/// <param name="refuse">
/// The system's error for a refused token request: the OAuth <c>error</c> code (<see cref="NoRefreshToken"/> when the
/// store holds none, <see cref="MalformedResponse"/> for a success that is not token JSON), the response status (0
/// when no call was made) and the masked <c>error_description</c>.
/// </param>
internal sealed class OAuthRefreshSession<TToken>(
    OAuthTokenEndpoint endpoint,
    IOAuthApp app,
    RefreshTokenChain chain,
    Func<string, DateTimeOffset, TToken> issue,
    Func<string, HttpStatusCode, string?, Exception> refuse) : IDisposable
    where TToken : class
{
    /// <summary>The error code for a store that holds no refresh token.</summary>
    public const string NoRefreshToken = "no_refresh_token";

    /// <summary>The error code for a successful response that is not the token JSON.</summary>
    public const string MalformedResponse = "malformed_response";

    private const string AuthorizationCodeGrant = "authorization_code";

    private readonly TokenCache<TToken> _cache = new(endpoint.Time);

    /// <summary>Whether refresh requests carry the redirect URI too, as the code exchange always does.</summary>
    public bool SendsRedirectUriOnRefresh { get; init; }

    /// <summary>Exchanges the code from the redirect for tokens and keeps the refresh token that comes with them.</summary>
    /// <param name="code">The <c>code</c> query parameter of the redirect.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    public Task RedeemAuthorizationCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return _cache.ReplaceAsync(token => RequestAsync(AuthorizationCodeGrant, "code", code, token), cancellationToken);
    }

    /// <summary>An access token with more than the refresh margin left, refreshing it when needed.</summary>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    public Task<TToken> GetTokenAsync(CancellationToken cancellationToken) => _cache.GetAsync(RefreshAsync, cancellationToken);

    /// <summary>Drops <paramref name="rejected"/> so that the next call refreshes (unless another call already did).</summary>
    /// <param name="rejected">The token the API refused.</param>
    public void Invalidate(TToken rejected) => _cache.Invalidate(rejected);

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private async Task<(TToken, DateTimeOffset)> RefreshAsync(CancellationToken cancellationToken)
    {
        var refreshToken = await chain.Load(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(refreshToken)
            ? throw refuse(NoRefreshToken, 0, null)
            : await RequestAsync("refresh_token", "refresh_token", refreshToken, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(TToken, DateTimeOffset)> RequestAsync(string grant, string name, string value, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = grant,
            [name] = value,
            ["client_id"] = app.ClientId,
            ["client_secret"] = app.ClientSecret,
        };
        var redeeming = grant == AuthorizationCodeGrant;
        if (redeeming || SendsRedirectUriOnRefresh)
        {
            form["redirect_uri"] = app.RedirectUri;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url()) { Content = new FormUrlEncodedContent(form) };
        var sentAt = endpoint.Time.GetUtcNow();
        using var response = await endpoint.Clients.CreateClient(endpoint.Client).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var root = Json(body);
        if (!response.IsSuccessStatusCode)
        {
            throw refuse(Text(root, "error") ?? "unknown_error", response.StatusCode, Masked(Text(root, "error_description"), value));
        }

        // A rotating chain's refresh token just used is dead now: the new one is kept before anything depends on it.
        var keeps = redeeming || chain.Rotates;
        var refreshToken = Text(root, "refresh_token");
        if (Text(root, "access_token") is not { } accessToken || Lifetime(root) is not { } lifetime || (keeps && refreshToken is null))
        {
            throw refuse(MalformedResponse, response.StatusCode, "The token response is not the token JSON OAuth 2.0 prescribes.");
        }

        if (keeps)
        {
            await chain.Save(refreshToken!, cancellationToken).ConfigureAwait(false);
        }

        var expiresAt = sentAt + lifetime;
        return (issue(accessToken, expiresAt), expiresAt - app.TokenRefreshMargin);
    }

    /// <summary><paramref name="description"/> with the grant's code or refresh token and the client secret masked.</summary>
    private string? Masked(string? description, string grantValue)
    {
        foreach (var secret in new[] { grantValue, app.ClientSecret }.Where(secret => secret.Length > 0))
        {
            description = description?.Replace(secret, "***", StringComparison.Ordinal);
        }

        return description;
    }

    private static JsonElement Json(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
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
