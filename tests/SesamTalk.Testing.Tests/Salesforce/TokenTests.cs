using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.Salesforce;

public sealed class TokenTests
{
    private static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(
        TestOrg org, Dictionary<string, string> form, AuthenticationHeaderValue? authorization = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, org.Emulator.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = authorization;
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static Dictionary<string, string> Client(TestOrg org, string grant) => new()
    {
        ["grant_type"] = grant,
        ["client_id"] = org.Emulator.ClientId,
        ["client_secret"] = org.Emulator.ClientSecret,
    };

    [Fact]
    public async Task ClientCredentialsGrantReturnsSessionForTheInstance()
    {
        await using var org = await TestOrg.StartAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var (status, body) = await TokenAsync(org, Client(org, "client_credentials"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(org.Emulator.BaseUrl.ToString().TrimEnd('/'), (string)body["instance_url"]!);
        Assert.Equal("Bearer", (string)body["token_type"]!);
        Assert.False(body.ContainsKey("expires_in"));
        Assert.False(body.ContainsKey("refresh_token"));
        Assert.InRange(long.Parse((string)body["issued_at"]!, System.Globalization.CultureInfo.InvariantCulture), before, before + 60_000);

        using var http = new HttpClient { BaseAddress = org.Emulator.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body["access_token"]!);
        using var limits = await http.GetAsync("services/data/v64.0/limits");
        Assert.Equal(HttpStatusCode.OK, limits.StatusCode);
    }

    [Fact]
    public async Task ClientCredentialsMayComeAsBasicAuthentication()
    {
        await using var org = await TestOrg.StartAsync();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{org.Emulator.ClientId}:{org.Emulator.ClientSecret}"));

        var (status, body) = await TokenAsync(org, new() { ["grant_type"] = "client_credentials" }, new("Basic", basic));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(body["access_token"]);
    }

    [Theory]
    [InlineData("client_id", "wrong", "invalid_client_id", "client identifier invalid")]
    [InlineData("client_secret", "wrong", "invalid_client", "invalid client credentials")]
    [InlineData("grant_type", "authorization_code", "unsupported_grant_type", "grant type not supported")]
    public async Task BadClientRequestsGetOAuthErrorBodies(string field, string value, string error, string description)
    {
        await using var org = await TestOrg.StartAsync();
        var form = Client(org, "client_credentials");
        form[field] = value;

        var (status, body) = await TokenAsync(org, form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString(), body.ToJsonString());
    }

    [Fact]
    public async Task PasswordGrantChecksTheUsersCredentials()
    {
        await using var org = await TestOrg.StartAsync();
        var form = Client(org, "password");
        form["username"] = org.Emulator.Username;
        form["password"] = org.Emulator.Password;

        var (ok, body) = await TokenAsync(org, form);
        form["password"] = "wrong";
        var (failed, error) = await TokenAsync(org, form);

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.StartsWith(org.Emulator.BaseUrl + "id/00D", (string)body["id"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, failed);
        Assert.Equal("invalid_grant", (string)error["error"]!);
        Assert.Equal("authentication failure", (string)error["error_description"]!);
    }

    [Fact]
    public async Task RefreshTokenGrantWorksUntilTheTokenIsRevoked()
    {
        await using var org = await TestOrg.StartAsync();
        var refresh = org.Emulator.IssueRefreshToken();
        var form = Client(org, "refresh_token");
        form["refresh_token"] = refresh;

        var (ok, body) = await TokenAsync(org, form);
        org.Emulator.RevokeRefreshToken(refresh);
        var (failed, error) = await TokenAsync(org, form);

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.NotNull(body["access_token"]);
        Assert.Equal(HttpStatusCode.BadRequest, failed);
        var fixture = Fixtures.Salesforce.Load("token_error_invalid_grant.json");
        Assert.Equal(fixture.ToJsonString(), error.ToJsonString());
    }

    [Fact]
    public async Task AccessTokenExpiresAfterItsLifetime()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var org = await TestOrg.StartAsync(o => o.TokenLifetime = TimeSpan.FromMinutes(30), clock);

        var fresh = await org.GetAsync($"{TestOrg.V}/limits");
        clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await org.GetAsync($"{TestOrg.V}/limits");

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        expired.AssertBody("""[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""");
    }

    [Fact]
    public async Task RequestsWithoutSessionAreRejected()
    {
        await using var org = await TestOrg.StartAsync();
        org.Http.DefaultRequestHeaders.Authorization = null;

        var reply = await org.GetAsync($"{TestOrg.V}/sobjects/Product2/01t000000000001AAA");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("INVALID_SESSION_ID", reply.ErrorCode);
    }

    [Fact]
    public async Task VersionListNeedsNoSession()
    {
        await using var org = await TestOrg.StartAsync();
        org.Http.DefaultRequestHeaders.Authorization = null;

        var reply = await org.GetAsync("/services/data/");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains(reply.Body!.AsArray(), v => (string)v!["url"]! == "/services/data/v64.0");
        Assert.False(reply.Headers.ContainsKey("Sforce-Limit-Info"));
    }
}
