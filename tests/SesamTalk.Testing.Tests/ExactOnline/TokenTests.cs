using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.ExactOnline;

public sealed class TokenTests
{
    private static readonly DateTimeOffset Now = new(2024, 9, 10, 14, 20, 45, TimeSpan.Zero);

    private static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(TestDivision division, Dictionary<string, string> form)
    {
        form.TryAdd("client_id", division.Emulator.ClientId);
        form.TryAdd("client_secret", division.Emulator.ClientSecret);
        using var http = new HttpClient();
        using var response = await http.PostAsync(division.Emulator.TokenUrl, new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static Task<(HttpStatusCode Status, JsonObject Body)> RefreshAsync(TestDivision division, string refreshToken) =>
        TokenAsync(division, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    private static async Task<HttpStatusCode> MeStatusAsync(TestDivision division, string accessToken)
    {
        division.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await division.GetAsync("/api/v1/current/Me")).Status;
    }

    [Fact]
    public async Task AuthorizationCodeFlowGivesTenMinuteTokensWithExpiresInAsString()
    {
        await using var division = await TestDivision.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = $"{division.Emulator.AuthorizeUrl}?client_id={division.Emulator.ClientId}&redirect_uri={Uri.EscapeDataString(division.Emulator.RedirectUri)}&response_type=code&state=xyz&force_login=0";

        using var consent = await http.GetAsync(authorize);
        var location = consent.Headers.Location!;
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        var (status, body) = await TokenAsync(division, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"]!, ["redirect_uri"] = division.Emulator.RedirectUri,
        });
        var (reuse, reuseBody) = await TokenAsync(division, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"]!, ["redirect_uri"] = division.Emulator.RedirectUri,
        });

        Assert.Equal(HttpStatusCode.Found, consent.StatusCode);
        Assert.StartsWith(division.Emulator.RedirectUri, location.ToString(), StringComparison.Ordinal);
        Assert.Equal("xyz", query["state"]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["access_token", "token_type", "expires_in", "refresh_token"], body.Select(p => p.Key));
        Assert.Equal("bearer", (string)body["token_type"]!);
        Assert.Equal("600", body["expires_in"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(division, (string)body["access_token"]!));
        Assert.Equal(HttpStatusCode.BadRequest, reuse);
        Assert.Equal("invalid_grant", (string)reuseBody["error"]!);
    }

    [Fact]
    public async Task RefreshRotatesTheRefreshTokenAndRefusesTheOldOne()
    {
        await using var division = await TestDivision.StartAsync();
        var first = division.Emulator.IssueRefreshToken();

        var (status, body) = await RefreshAsync(division, first);
        var second = (string)body["refresh_token"]!;
        var (oldStatus, oldBody) = await RefreshAsync(division, first);
        var (nextStatus, nextBody) = await RefreshAsync(division, second);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.BadRequest, oldStatus);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"error":"invalid_grant","error_description":"Token is not allowed, because of invalid or empty chainId"}"""), oldBody));
        Assert.Equal(HttpStatusCode.OK, nextStatus);
        Assert.NotEqual(second, (string)nextBody["refresh_token"]!);
    }

    [Fact]
    public async Task AccessTokenExpiresAfterTenMinutes()
    {
        var clock = new ManualClock(Now);
        await using var division = await TestDivision.StartAsync(clock: clock);
        var (_, body) = await RefreshAsync(division, division.Emulator.IssueRefreshToken());
        var token = (string)body["access_token"]!;

        clock.Advance(TimeSpan.FromSeconds(599));
        var fresh = await MeStatusAsync(division, token);
        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await division.GetAsync("/api/v1/current/Me");

        Assert.Equal(HttpStatusCode.OK, fresh);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal("This request is unauthorized.", expired.ErrorMessage);
        Assert.False(expired.Headers.ContainsKey("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task RefreshTokenUnusedForThirtyDaysExpires()
    {
        var clock = new ManualClock(Now);
        await using var division = await TestDivision.StartAsync(clock: clock);
        var refresh = division.Emulator.IssueRefreshToken();
        clock.Advance(TimeSpan.FromDays(31));

        var (status, body) = await RefreshAsync(division, refresh);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"error":"invalid_request","error_description":"The refresh token expired at 10/10/2024 2:20:45 PM and it is now 10/11/2024 2:20:45 PM."}
            """), body), body.ToJsonString());
    }

    [Theory]
    [InlineData("client_secret", "wrong", "invalid_client")]
    [InlineData("grant_type", "password", "unsupported_grant_type")]
    [InlineData("refresh_token", "never-issued", "invalid_grant")]
    public async Task BadTokenRequestsGiveOAuthErrors(string name, string value, string error)
    {
        await using var division = await TestDivision.StartAsync();
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = division.Emulator.IssueRefreshToken() };
        form[name] = value;

        var (status, body) = await TokenAsync(division, form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, (string)body["error"]!);
    }

    [Fact]
    public async Task MeGivesTheCurrentDivisionAndOtherDivisionsAreForbidden()
    {
        await using var division = await TestDivision.StartAsync(o => o.Division = 123456);

        var me = await division.GetAsync("/api/v1/current/Me?$select=CurrentDivision");
        var other = await division.GetAsync("/api/v1/654321/crm/Accounts");

        var row = Assert.Single(me.Results)!.AsObject();
        Assert.Equal(["__metadata", "CurrentDivision"], row.Select(p => p.Key));
        Assert.Equal(123456, (int)row["CurrentDivision"]!);
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal("Forbidden - WrongDivision", other.ErrorMessage);
    }
}
