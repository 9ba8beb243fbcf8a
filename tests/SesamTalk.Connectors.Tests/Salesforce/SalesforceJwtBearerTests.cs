using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>Signing in with the OAuth 2.0 JWT bearer grant against the emulated org's uploaded certificate.</summary>
public sealed class SalesforceJwtBearerTests : IAsyncLifetime
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly ManualClock _orgClock = new(DateTimeOffset.UtcNow);
    private SalesforceEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { TimeProvider = _orgClock });
        using var certificate = SelfSigned(_key);
        _emulator.UploadJwtCertificate(certificate);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _key.Dispose();
    }

    private static X509Certificate2 SelfSigned(RSA key) =>
        new CertificateRequest("CN=SesamTalk connector", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

    /// <summary>A connector wired through DI with no client secret, signing with <paramref name="jwt"/>'s key at <paramref name="clock"/>'s time.</summary>
    private ServiceProvider Connector(SalesforceJwtBearerOptions jwt, TimeProvider clock) =>
        new SesamTalkBuilder(new ServiceCollection()
            .AddSingleton(clock))
            .AddSalesforce(options =>
            {
                options.LoginUrl = _emulator.BaseUrl;
                options.ClientId = _emulator.ClientId;
                options.JwtBearer = jwt;
                options.DailyCallReserve = 0;
                options.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
            }).Services
            .BuildServiceProvider();

    private SalesforceJwtBearerOptions Pem(RSA key, string? username = null) =>
        new() { Username = username ?? _emulator.Username, PrivateKeyPem = key.ExportPkcs8PrivateKeyPem() };

    [Fact]
    public async Task A_pem_private_key_signs_in_without_a_client_secret_and_calls_succeed()
    {
        await using var services = Connector(Pem(_key), _orgClock);
        var client = services.GetRequiredKeyedService<SalesforceClient>("Salesforce");

        var fields = await client.DescribeAsync("Product2");

        Assert.Equal("string", fields["Name"]);
        Assert.Equal(1, _emulator.CallCount(SalesforceEndpoint.Token));
    }

    [Fact]
    public async Task A_certificate_with_its_private_key_signs_in()
    {
        using var certificate = SelfSigned(_key);
        await using var services = Connector(new() { Username = _emulator.Username, Certificate = certificate }, _orgClock);

        var fields = await services.GetRequiredKeyedService<SalesforceClient>("Salesforce").DescribeAsync("Account");

        Assert.Contains("Name", fields.Keys);
    }

    [Fact]
    public async Task An_expired_session_mid_run_is_renewed_with_a_newly_signed_assertion()
    {
        await using var services = Connector(Pem(_key), _orgClock);
        var client = services.GetRequiredKeyedService<SalesforceClient>("Salesforce");
        await client.DescribeAsync("Product2");

        // The first assertion expired minutes ago: only a freshly dated one gets a new session.
        _orgClock.Advance(TimeSpan.FromMinutes(10));
        _emulator.ExpireAccessTokens();
        var fields = await client.DescribeAsync("Account");

        Assert.Contains("Name", fields.Keys);
        Assert.Equal(2, _emulator.CallCount(SalesforceEndpoint.Token));
    }

    [Fact]
    public async Task A_key_other_than_the_uploaded_certificates_is_an_invalid_assertion_and_the_key_never_shows()
    {
        using var other = RSA.Create(2048);
        var jwt = Pem(other);
        await using var services = Connector(jwt, _orgClock);

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(
            () => services.GetRequiredKeyedService<SalesforceClient>("Salesforce").DescribeAsync("Product2"));

        AssertRefused(error, "invalid assertion");
        Assert.Contains("certificate uploaded to the connected app", error.Message, StringComparison.Ordinal);
        var keyBody = jwt.PrivateKeyPem!.Split('\n')[1];
        Assert.DoesNotContain(keyBody, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(keyBody, jwt.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assertion_dated_by_a_clock_far_behind_the_orgs_is_expired()
    {
        await using var services = Connector(Pem(_key), new ManualClock(_orgClock.GetUtcNow().AddMinutes(-10)));

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(
            () => services.GetRequiredKeyedService<SalesforceClient>("Salesforce").DescribeAsync("Product2"));

        AssertRefused(error, "expired authorization code");
    }

    [Fact]
    public async Task An_unknown_user_has_not_approved_the_consumer()
    {
        await using var services = Connector(Pem(_key, "nobody@sesamtalk.example"), _orgClock);

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(
            () => services.GetRequiredKeyedService<SalesforceClient>("Salesforce").DescribeAsync("Product2"));

        AssertRefused(error, "user hasn't approved this consumer");
    }

    [Fact]
    public async Task A_pem_that_holds_no_key_fails_before_any_call_without_echoing_the_text()
    {
        const string notAKey = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWJ1dC1ub3QtYS1rZXk=\n-----END PRIVATE KEY-----";
        await using var services = Connector(new() { Username = _emulator.Username, PrivateKeyPem = notAKey }, _orgClock);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => services.GetRequiredKeyedService<SalesforceClient>("Salesforce").DescribeAsync("Product2"));

        Assert.Contains("PrivateKeyPem", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWJ1dC1ub3QtYS1rZXk", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _emulator.CallCount(SalesforceEndpoint.Token));
    }

    private static void AssertRefused(SalesforceAuthenticationException error, string description)
    {
        Assert.Equal("invalid_grant", error.Error);
        Assert.True(error.NeedsReauthorization);
        var refusal = Assert.IsType<SalesforceApiException>(error.InnerException);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refusal.Status);
        Assert.EndsWith(": " + description, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(description, error.Message, StringComparison.Ordinal);
    }
}
