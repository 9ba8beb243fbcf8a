using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>The OAuth 2.0 JWT bearer grant: an RS256 assertion checked against the connected app's uploaded certificate.</summary>
public sealed class JwtBearerTokenTests : IDisposable
{
    private const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly RSA _key = RSA.Create(2048);
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    public void Dispose() => _key.Dispose();

    private async Task<TestOrg> StartWithCertificateAsync()
    {
        var org = await TestOrg.StartAsync(clock: _clock);
        using var certificate = SelfSigned(_key);
        org.Emulator.UploadJwtCertificate(certificate);
        return org;
    }

    private static X509Certificate2 SelfSigned(RSA key)
    {
        var request = new CertificateRequest("CN=SesamTalk JWT test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private JsonObject Claims(TestOrg org) => new()
    {
        ["iss"] = org.Emulator.ClientId,
        ["sub"] = org.Emulator.Username,
        ["aud"] = "https://login.salesforce.com",
        ["exp"] = _clock.Now.AddMinutes(3).ToUnixTimeSeconds(),
    };

    private static string Sign(JsonObject claims, RSA key, string algorithm = "RS256")
    {
        var input = Segment(new JsonObject { ["alg"] = algorithm }) + "." + Segment(claims);
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    private static string Segment(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(TestOrg org, string assertion)
    {
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = GrantType, ["assertion"] = assertion });
        using var response = await http.PostAsync(org.Emulator.TokenUrl, content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task A_signed_assertion_for_the_user_returns_a_session_without_secret_signature_or_refresh_token()
    {
        await using var org = await StartWithCertificateAsync();

        var (status, body) = await TokenAsync(org, Sign(Claims(org), _key));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["access_token", "scope", "instance_url", "id", "token_type"], body.Select(p => p.Key));
        Assert.Equal(org.Emulator.BaseUrl.ToString().TrimEnd('/'), (string)body["instance_url"]!);
        Assert.Equal("Bearer", (string)body["token_type"]!);
        using var http = new HttpClient { BaseAddress = org.Emulator.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body["access_token"]!);
        using var limits = await http.GetAsync($"{TestOrg.V}/limits");
        Assert.Equal(HttpStatusCode.OK, limits.StatusCode);
    }

    [Theory]
    [InlineData("https://test.salesforce.com")]
    [InlineData("instance")]
    public async Task The_sandbox_login_and_the_orgs_own_host_are_accepted_audiences(string audience)
    {
        await using var org = await StartWithCertificateAsync();
        var claims = Claims(org);
        claims["aud"] = audience == "instance" ? org.Emulator.BaseUrl.ToString().TrimEnd('/') : audience;

        var (status, _) = await TokenAsync(org, Sign(claims, _key));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("sub", "someone.else@sesamtalk.example", "invalid_grant", "user hasn't approved this consumer")]
    [InlineData("aud", "https://evil.example.com", "invalid_grant", "audience is invalid")]
    [InlineData("iss", "3MVG9SomeOtherConnectedApp", "invalid_client_id", "client identifier invalid")]
    [InlineData("exp", "past", "invalid_grant", "expired authorization code")]
    [InlineData("exp", "missing", "invalid_grant", "expired authorization code")]
    public async Task A_wrong_claim_gets_salesforces_error_body(string claim, string value, string error, string description)
    {
        await using var org = await StartWithCertificateAsync();
        var claims = Claims(org);
        switch (claim, value)
        {
            case ("exp", "past"):
                claims["exp"] = _clock.Now.AddSeconds(-1).ToUnixTimeSeconds();
                break;
            case ("exp", "missing"):
                claims.Remove("exp");
                break;
            default:
                claims[claim] = value;
                break;
        }

        var (status, body) = await TokenAsync(org, Sign(claims, _key));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString(), body.ToJsonString());
    }

    [Fact]
    public async Task An_assertion_expires_by_the_emulators_clock()
    {
        await using var org = await StartWithCertificateAsync();
        var assertion = Sign(Claims(org), _key);

        var (fresh, _) = await TokenAsync(org, assertion);
        _clock.Advance(TimeSpan.FromMinutes(4));
        var (stale, body) = await TokenAsync(org, assertion);

        Assert.Equal(HttpStatusCode.OK, fresh);
        Assert.Equal(HttpStatusCode.BadRequest, stale);
        Assert.Equal("expired authorization code", (string)body["error_description"]!);
    }

    [Fact]
    public async Task An_assertion_signed_with_another_key_is_an_invalid_assertion()
    {
        await using var org = await StartWithCertificateAsync();
        using var other = RSA.Create(2048);

        var (status, body) = await TokenAsync(org, Sign(Claims(org), other));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"error":"invalid_grant","error_description":"invalid assertion"}""", body.ToJsonString());
    }

    [Fact]
    public async Task Without_an_uploaded_certificate_no_assertion_is_accepted()
    {
        await using var org = await TestOrg.StartAsync(clock: _clock);

        var (status, body) = await TokenAsync(org, Sign(Claims(org), _key));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid assertion", (string)body["error_description"]!);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("")]
    [InlineData("HS256")]
    public async Task A_malformed_assertion_or_another_algorithm_is_an_invalid_assertion(string assertion)
    {
        await using var org = await StartWithCertificateAsync();
        var sent = assertion == "HS256" ? Sign(Claims(org), _key, "HS256") : assertion;

        var (status, body) = await TokenAsync(org, sent);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"error":"invalid_grant","error_description":"invalid assertion"}""", body.ToJsonString());
    }
}
