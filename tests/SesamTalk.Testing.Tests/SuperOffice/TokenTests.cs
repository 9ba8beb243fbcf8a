using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.SuperOffice;

public sealed class TokenTests
{
    private const string Claims = "http://schemes.superoffice.net/identity/";
    private static readonly DateTimeOffset Now = new(2024, 9, 10, 14, 20, 45, TimeSpan.Zero);

    private static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(TestTenant tenant, Dictionary<string, string> form)
    {
        form.TryAdd("client_id", tenant.Emulator.ClientId);
        form.TryAdd("client_secret", tenant.Emulator.ClientSecret);
        using var http = new HttpClient();
        using var response = await http.PostAsync(tenant.Emulator.TokenUrl, new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static Task<(HttpStatusCode Status, JsonObject Body)> RefreshAsync(TestTenant tenant, string refreshToken) =>
        TokenAsync(tenant, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    private static async Task<HttpStatusCode> PrincipalStatusAsync(TestTenant tenant, string accessToken)
    {
        tenant.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await tenant.GetAsync($"{tenant.Root}/User/currentPrincipal")).Status;
    }

    private static byte[] FromBase64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));

    [Fact]
    public async Task AuthorizationCodeFlowGivesTheRecordedTokenResponse()
    {
        await using var tenant = await TestTenant.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = $"{tenant.Emulator.AuthorizeUrl}?client_id={tenant.Emulator.ClientId}&redirect_uri={Uri.EscapeDataString(tenant.Emulator.RedirectUri)}&response_type=code&scope=openid&state=xyz";

        using var consent = await http.GetAsync(authorize);
        var query = System.Web.HttpUtility.ParseQueryString(consent.Headers.Location!.Query);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"]!, ["redirect_uri"] = tenant.Emulator.RedirectUri,
        };
        var (status, body) = await TokenAsync(tenant, new(form));
        var (reuse, reuseBody) = await TokenAsync(tenant, new(form));

        Assert.Equal(HttpStatusCode.Found, consent.StatusCode);
        Assert.Equal("xyz", query["state"]);
        Assert.Equal(HttpStatusCode.OK, status);
        var recorded = Fixtures.SuperOffice.Load("oauth_bearer_response.json").AsObject();
        Assert.Equal(recorded.Select(p => p.Key), body.Select(p => p.Key));
        Assert.Equal("Bearer", (string)body["token_type"]!);
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        Assert.StartsWith("8A:Cust12345.", (string)body["access_token"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await PrincipalStatusAsync(tenant, (string)body["access_token"]!));
        Assert.Equal(HttpStatusCode.BadRequest, reuse);
        Assert.Equal("invalid_grant", (string)reuseBody["error"]!);
    }

    [Fact]
    public async Task RefreshGivesNoNewRefreshTokenAndTheOldOneKeepsWorking()
    {
        await using var tenant = await TestTenant.StartAsync();
        var refresh = tenant.Emulator.IssueRefreshToken();

        var (first, firstBody) = await RefreshAsync(tenant, refresh);
        var (second, secondBody) = await RefreshAsync(tenant, refresh);
        tenant.Emulator.RevokeRefreshTokens();
        var (revoked, revokedBody) = await RefreshAsync(tenant, refresh);

        var recorded = Fixtures.SuperOffice.Load("oauth_refresh_response.json").AsObject();
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(recorded.Select(p => p.Key), firstBody.Select(p => p.Key));
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.NotEqual((string)firstBody["access_token"]!, (string)secondBody["access_token"]!);
        Assert.Equal(HttpStatusCode.OK, await PrincipalStatusAsync(tenant, (string)secondBody["access_token"]!));
        Assert.Equal(HttpStatusCode.BadRequest, revoked);
        Assert.Equal("invalid_grant", (string)revokedBody["error"]!);
    }

    [Fact]
    public async Task ClientSecretBasicIsAccepted()
    {
        await using var tenant = await TestTenant.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, tenant.Emulator.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["refresh_token"] = tenant.Emulator.IssueRefreshToken(),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{tenant.Emulator.ClientId}:{tenant.Emulator.ClientSecret}")));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task IdTokenCarriesTheTenantClaimsAndVerifiesWithTheJwks()
    {
        await using var tenant = await TestTenant.StartAsync();
        var (_, body) = await RefreshAsync(tenant, tenant.Emulator.IssueRefreshToken());
        var jwks = await tenant.GetAsync("/login/.well-known/jwks");

        var parts = ((string)body["id_token"]!).Split('.');
        var claims = JsonNode.Parse(FromBase64Url(parts[1]))!;
        var key = jwks.Body!["keys"]![0]!;
        using var rsa = RSA.Create(new RSAParameters { Modulus = FromBase64Url((string)key["n"]!), Exponent = FromBase64Url((string)key["e"]!) });
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal("Cust12345", (string)claims[Claims + "ctx"]!);
        Assert.Equal(tenant.Emulator.ApiUrl.ToString(), (string)claims[Claims + "webapi_url"]!);
        Assert.StartsWith("SesamTalk-", (string)claims[Claims + "system_token"]!, StringComparison.Ordinal);
        Assert.Equal(tenant.Emulator.ClientId, (string)claims["aud"]!);
        Assert.Equal(tenant.Emulator.BaseUrl.ToString().TrimEnd('/'), (string)claims["iss"]!);
    }

    [Fact]
    public async Task AccessTokenExpiresAfterTheConfiguredLifetime()
    {
        var clock = new ManualClock(Now);
        await using var tenant = await TestTenant.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(20), clock);
        var (_, body) = await RefreshAsync(tenant, tenant.Emulator.IssueRefreshToken());
        var token = (string)body["access_token"]!;

        clock.Advance(TimeSpan.FromSeconds(1199));
        var fresh = await PrincipalStatusAsync(tenant, token);
        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await tenant.GetAsync($"{tenant.Root}/Contact/1");

        Assert.Equal(1200, body["expires_in"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, fresh);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal("UnauthorizedAccessException", expired.ErrorType);
        Assert.Equal("Bearer", expired.Headers["WWW-Authenticate"]);
    }

    [Theory]
    [InlineData("client_secret", "wrong", "invalid_client")]
    [InlineData("grant_type", "password", "unsupported_grant_type")]
    [InlineData("refresh_token", "never-issued", "invalid_grant")]
    public async Task BadTokenRequestsGiveOAuthErrors(string name, string value, string error)
    {
        await using var tenant = await TestTenant.StartAsync();
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = tenant.Emulator.IssueRefreshToken() };
        form[name] = value;

        var (status, body) = await TokenAsync(tenant, form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, (string)body["error"]!);
    }

    [Fact]
    public async Task TokensOfThisTenantDoNotOpenAnother()
    {
        await using var tenant = await TestTenant.StartAsync();

        var own = await tenant.GetAsync($"{tenant.Root}/User/currentPrincipal");
        var other = await tenant.GetAsync("/Cust99999/api/v1/User/currentPrincipal");

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, other.Status);
    }

    [Fact]
    public async Task TenantStateReportsRunningAndOtherStatesStopTheApi()
    {
        await using var tenant = await TestTenant.StartAsync();
        using var anonymous = new HttpClient();

        var running = JsonNode.Parse(await anonymous.GetStringAsync(tenant.Emulator.TenantStateUrl))!;
        tenant.Emulator.SetTenantState("Offline");
        var offline = JsonNode.Parse(await anonymous.GetStringAsync(tenant.Emulator.TenantStateUrl))!;
        var call = await tenant.GetAsync($"{tenant.Root}/Contact");

        Assert.Equal("Running", (string)running["State"]!);
        Assert.True((bool)running["IsRunning"]!);
        Assert.Equal(tenant.Emulator.ApiUrl.ToString().TrimEnd('/'), (string)running["Api"]!);
        Assert.Equal("Offline", (string)offline["State"]!);
        Assert.False((bool)offline["IsRunning"]!);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, call.Status);
        Assert.Equal("SoServerException", call.ErrorType);
    }
}
