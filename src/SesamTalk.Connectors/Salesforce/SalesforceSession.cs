using System.Text.Json;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The OAuth 2.0 session with one org: fetches an access token and the org's instance URL with the JWT bearer grant
/// when <see cref="SalesforceOptions.JwtBearer"/> is set, else with the refresh-token grant when a refresh token is
/// configured, else with the client-credentials grant; shares it between concurrent calls, and fetches a new one when
/// Salesforce says the session is gone (with a freshly signed assertion, as each one is valid for minutes only).
/// Salesforce does not rotate refresh tokens, so the configured one keeps working until it is revoked. The secret, the
/// private key and the tokens never appear in messages or logs.
/// </summary>
/// <param name="clients">The HttpClient factory.</param>
/// <param name="options">The org's options.</param>
/// <param name="clock">The clock that dates JWT bearer assertions.</param>
public sealed class SalesforceSession(IHttpClientFactory clients, IOptions<SalesforceOptions> options, TimeProvider clock) : IBearerTokenSource<SalesforceToken>, IDisposable
{
    /// <summary>The name of the HttpClient that talks to the login host.</summary>
    public const string LoginClient = "SesamTalk.Salesforce.Login";

    private readonly TokenCache<SalesforceToken> _tokens = new(clock);

    /// <summary>The current token, fetching one when there is none.</summary>
    /// <remarks>Salesforce does not say when a token expires, so it is kept until the API refuses it.</remarks>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    public Task<SalesforceToken> GetTokenAsync(CancellationToken cancellationToken) =>
        _tokens.GetAsync(async token => (await FetchAsync(token).ConfigureAwait(false), DateTimeOffset.MaxValue), cancellationToken);

    /// <summary>Drops <paramref name="rejected"/> so that the next call fetches a new token (unless another call already did).</summary>
    /// <param name="rejected">The token Salesforce refused.</param>
    public void Invalidate(SalesforceToken rejected) => _tokens.Invalidate(rejected);

    /// <inheritdoc />
    public void Dispose() => _tokens.Dispose();

    private Dictionary<string, string> Grant(SalesforceOptions settings)
    {
        if (settings.JwtBearer is { } jwt)
        {
            return new Dictionary<string, string>
            {
                ["grant_type"] = SalesforceJwtAssertion.GrantType,
                ["assertion"] = SalesforceJwtAssertion.Create(settings.ClientId, jwt, clock.GetUtcNow()),
            };
        }

        var form = new Dictionary<string, string>
        {
            ["client_id"] = settings.ClientId,
            ["client_secret"] = settings.ClientSecret,
        };
        if (string.IsNullOrEmpty(settings.RefreshToken))
        {
            form["grant_type"] = "client_credentials";
        }
        else
        {
            form["grant_type"] = "refresh_token";
            form["refresh_token"] = settings.RefreshToken!;
        }

        return form;
    }

    private static string Advice(SalesforceOptions settings, string error) => (error, settings.JwtBearer is not null) switch
    {
        ("invalid_grant", true) => "Check that the certificate uploaded to the connected app matches the private key, that the user "
            + "exists and is pre-authorised for the app, the audience, and this machine's clock.",
        ("invalid_grant", false) => "The refresh token or the grant is no longer valid: authorise the connected app again.",
        (_, true) => "Check the connected app's consumer key.",
        _ => "Check the connected app's client id and secret.",
    };

    private async Task<SalesforceToken> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var login = settings.LoginUrl ?? throw new InvalidOperationException("SesamTalk:Salesforce:LoginUrl is not set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(login, "services/oauth2/token"))
        {
            Content = new FormUrlEncodedContent(Grant(settings)),
        };
        using var response = await clients.CreateClient(LoginClient).SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await SalesforceErrors.ReadAsync(response, null, cancellationToken).ConfigureAwait(false);
            throw new SalesforceAuthenticationException(error, Advice(settings, error.ErrorCode));
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        var root = body.RootElement;
        return new SalesforceToken(root.GetProperty("access_token").GetString()!, new Uri(root.GetProperty("instance_url").GetString()!));
    }
}

/// <summary>An access token and the instance it is valid for.</summary>
/// <param name="AccessToken">The bearer token. Never logged.</param>
/// <param name="InstanceUrl">The org's API host.</param>
public sealed record SalesforceToken(string AccessToken, Uri InstanceUrl) : IBearerToken
{
    /// <summary>Keeps the token out of logs and debugger displays.</summary>
    public override string ToString() => "SalesforceToken(" + InstanceUrl + ")";
}

/// <summary>
/// Salesforce refused to issue a token. <see cref="NeedsReauthorization"/> is true for <c>invalid_grant</c> and
/// <c>invalid_client</c>: retrying will not help until someone fixes the connected app or its credentials.
/// </summary>
public sealed class SalesforceAuthenticationException : Exception, ISyncCredentialsFailure
{
    /// <summary>Creates the exception.</summary>
    /// <param name="refusal">The token endpoint's parsed error response (OAuth error code and description).</param>
    /// <param name="advice">What a person should check or do.</param>
    public SalesforceAuthenticationException(SalesforceApiException refusal, string advice)
        : base($"Salesforce refused to issue a token. {refusal?.Message}. {advice}", refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        Error = refusal.ErrorCode;
    }

    /// <summary>The OAuth error code, e.g. <c>invalid_grant</c>.</summary>
    public string Error { get; }

    /// <summary>Whether a person has to fix the credentials before syncing can go on.</summary>
    public bool NeedsReauthorization => Error is "invalid_grant" or "invalid_client" or "invalid_client_id" or "unauthorized_client";
}
