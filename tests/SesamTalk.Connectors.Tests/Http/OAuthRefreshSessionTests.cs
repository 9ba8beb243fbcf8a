using System.Net;
using System.Text;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Tests.Http;

/// <summary>
/// The refresh-token session Exact Online and SuperOffice share, against a token endpoint that answers what each test
/// says: what each request carries, which refresh tokens are kept, and what reaches the system's error.
/// </summary>
public sealed class OAuthRefreshSessionTests
{
    private static readonly App TheApp = new("client", "the-secret", "https://app.example.com/callback", TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_code_exchange_sends_the_redirect_uri_and_a_refresh_only_where_the_system_asks_for_it(bool sendsOnRefresh)
    {
        var endpoint = new TokenEndpoint("""{"access_token":"a1","refresh_token":"r1","expires_in":600}""");
        var chain = new Chain("r0");
        using var session = Session(endpoint, chain, rotates: false, sendsOnRefresh);

        await session.RedeemAuthorizationCodeAsync("the-code", CancellationToken.None);
        session.Invalidate(await session.GetTokenAsync(CancellationToken.None)); // the redeemed token, refused: the next call refreshes
        await session.GetTokenAsync(CancellationToken.None);

        Assert.Equal("https://app.example.com/callback", endpoint.Forms[0].GetValueOrDefault("redirect_uri"));
        Assert.Equal(sendsOnRefresh ? "https://app.example.com/callback" : null, endpoint.Forms[1].GetValueOrDefault("redirect_uri"));
        Assert.Equal(("authorization_code", "refresh_token"), (endpoint.Forms[0]["grant_type"], endpoint.Forms[1]["grant_type"]));
    }

    [Fact]
    public async Task A_rotating_chain_keeps_each_new_refresh_token_and_a_fixed_one_keeps_the_stored_token()
    {
        var rotating = new Chain("r0");
        var fixedChain = new Chain("r0");
        using var rotatingSession = Session(new TokenEndpoint("""{"access_token":"a1","refresh_token":"r1","expires_in":"600"}"""), rotating, rotates: true);
        using var fixedSession = Session(new TokenEndpoint("""{"access_token":"a1","refresh_token":"r1","expires_in":"600"}"""), fixedChain, rotates: false);

        await rotatingSession.GetTokenAsync(CancellationToken.None);
        await fixedSession.GetTokenAsync(CancellationToken.None);

        Assert.Equal(("r1", "r0"), (rotating.Stored, fixedChain.Stored));
    }

    [Fact]
    public async Task A_rotating_chain_refuses_an_answer_without_a_new_refresh_token_and_keeps_the_old_one()
    {
        var chain = new Chain("r0");
        using var session = Session(new TokenEndpoint("""{"access_token":"a1","expires_in":600}"""), chain, rotates: true);

        var error = await Assert.ThrowsAsync<RefusedException>(() => session.GetTokenAsync(CancellationToken.None));

        Assert.Equal((OAuthRefreshSession<string>.MalformedResponse, HttpStatusCode.OK), (error.Error, error.Status));
        Assert.Equal("r0", chain.Stored);
    }

    [Fact]
    public async Task A_refusal_reaches_the_system_error_with_the_refresh_token_and_the_secret_masked()
    {
        var endpoint = new TokenEndpoint("""{"error":"invalid_grant","error_description":"r0 is not valid for client the-secret"}""", HttpStatusCode.BadRequest);
        using var session = Session(endpoint, new Chain("r0"), rotates: true);

        var error = await Assert.ThrowsAsync<RefusedException>(() => session.GetTokenAsync(CancellationToken.None));

        Assert.Equal(("invalid_grant", HttpStatusCode.BadRequest, "*** is not valid for client ***"), (error.Error, error.Status, error.Description));
    }

    [Fact]
    public async Task An_empty_store_is_refused_without_a_call()
    {
        var endpoint = new TokenEndpoint("""{"access_token":"a1","refresh_token":"r1","expires_in":600}""");
        using var session = Session(endpoint, new Chain(null), rotates: true);

        var error = await Assert.ThrowsAsync<RefusedException>(() => session.GetTokenAsync(CancellationToken.None));

        Assert.Equal((OAuthRefreshSession<string>.NoRefreshToken, (HttpStatusCode)0), (error.Error, error.Status));
        Assert.Empty(endpoint.Forms);
    }

    private static OAuthRefreshSession<string> Session(TokenEndpoint endpoint, Chain chain, bool rotates, bool sendsRedirectUriOnRefresh = false) => new(
        new OAuthTokenEndpoint(endpoint, "login", () => new Uri("https://login.example.com/token"), new ManualClock(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero))),
        TheApp,
        new RefreshTokenChain(chain.LoadAsync, chain.SaveAsync) { Rotates = rotates },
        (accessToken, _) => accessToken,
        (error, status, description) => new RefusedException(error, status, description))
    {
        SendsRedirectUriOnRefresh = sendsRedirectUriOnRefresh,
    };

    private sealed record App(string ClientId, string ClientSecret, string RedirectUri, TimeSpan TokenRefreshMargin) : IOAuthApp;

    private sealed class Chain(string? stored)
    {
        public string? Stored { get; private set; } = stored;

        public ValueTask<string?> LoadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Stored);

        public ValueTask SaveAsync(string refreshToken, CancellationToken cancellationToken)
        {
            Stored = refreshToken;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class RefusedException(string error, HttpStatusCode status, string? description) : Exception(error)
    {
        public string Error { get; } = error;

        public HttpStatusCode Status { get; } = status;

        public string? Description { get; } = description;
    }

    /// <summary>A token endpoint that answers every request with one body, and keeps each request's form.</summary>
    private sealed class TokenEndpoint(string body, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler, IHttpClientFactory
    {
        public List<Dictionary<string, string>> Forms { get; } = [];

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            Forms.Add(form.Split('&').Select(pair => pair.Split('=')).ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1].Replace('+', ' '))));
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
