using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>The server-to-server System User flow: a signed system token for a ticket, used as SOTicket with SO-AppToken.</summary>
public sealed class SuperOfficeSystemUserTests
{
    [Fact]
    public async Task A_signed_system_token_gets_a_ticket_the_api_accepts_and_a_rejected_ticket_is_fetched_again()
    {
        using var key = RSA.Create(2048);
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        superOffice.RegisterSystemUserKey(key.ExportSubjectPublicKeyInfoPem());
        var contact = superOffice.Seed("Contact", new JsonObject { ["Name"] = "Ticketed AS" });
        await using var services = Connect(superOffice, superOffice.SystemToken, key.ExportPkcs8PrivateKeyPem());
        var client = services.GetRequiredKeyedService<SuperOfficeClient>("SuperOffice");

        var first = await client.GetAsync(SuperOfficeEntity.Contact, contact);
        superOffice.ExpireAccessTokens(); // tickets too: the next call is refused once, then signs in again
        var second = await client.GetAsync(SuperOfficeEntity.Contact, contact);

        Assert.Equal("Ticketed AS", first!["Name"].AsString());
        Assert.Equal("Ticketed AS", second!["Name"].AsString());
        Assert.Equal(0, superOffice.CallCount(SuperOfficeEndpoint.Authorize));
        var token = await services.GetRequiredKeyedService<SuperOfficeSession>("SuperOffice").GetTokenAsync(default);
        Assert.Equal("SOTicket", token.Scheme);
        Assert.StartsWith("7T:", token.AccessToken, StringComparison.Ordinal);
        Assert.DoesNotContain(token.AccessToken, token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(superOffice.ClientSecret, token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_as_needing_the_app_approved_again()
    {
        using var registered = RSA.Create(2048);
        using var other = RSA.Create(2048);
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        superOffice.RegisterSystemUserKey(registered.ExportSubjectPublicKeyInfoPem());
        await using var services = Connect(superOffice, superOffice.SystemToken, other.ExportPkcs8PrivateKeyPem());

        var error = await Assert.ThrowsAsync<SuperOfficeAuthenticationException>(
            () => services.GetRequiredKeyedService<SuperOfficeClient>("SuperOffice").GetAsync(SuperOfficeEntity.Contact, 1));

        Assert.True(error.NeedsReauthorization);
        Assert.DoesNotContain("PRIVATE KEY", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Connect(SuperOfficeEmulator superOffice, string systemToken, string privateKeyPem) =>
        new SesamTalkBuilder(new ServiceCollection()
            .AddKeyedSingleton<ISuperOfficeTokenStore>("SuperOffice", new InMemorySuperOfficeTokenStore()))
            .AddSuperOffice(options =>
            {
                options.LoginBaseUrl = superOffice.BaseUrl;
                options.Tenant = superOffice.ContextIdentifier;
                options.ClientId = superOffice.ClientId;
                options.ClientSecret = superOffice.ClientSecret;
                options.SystemUser = new SuperOfficeSystemUserOptions { SystemToken = systemToken, PrivateKeyPem = privateKeyPem };
            }).Services
            .BuildServiceProvider();
}
