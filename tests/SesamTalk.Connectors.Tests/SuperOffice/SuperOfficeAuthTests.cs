using System.Text.Json.Nodes;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>Access tokens from the stored (never rotated) refresh token; invalid_grant asks for re-authorisation.</summary>
public class SuperOfficeAuthTests
{
    [Fact]
    public async Task The_access_token_is_refreshed_when_due_and_the_refresh_token_is_kept()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var refreshToken = await tenant.Tokens.LoadRefreshTokenAsync(CancellationToken.None);
        var id = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme" });

        Assert.NotNull(await tenant.Client.GetAsync(SuperOfficeEntity.Contact, id));
        Assert.NotNull(await tenant.Client.GetAsync(SuperOfficeEntity.Contact, id));
        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.Token));

        tenant.Clock.Advance(TimeSpan.FromMinutes(59.5)); // inside the refresh margin of the one-hour token
        Assert.NotNull(await tenant.Client.GetAsync(SuperOfficeEntity.Contact, id));

        Assert.Equal(2, tenant.Emulator.CallCount(SuperOfficeEndpoint.Token));
        Assert.Equal(refreshToken, await tenant.Tokens.LoadRefreshTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_401_refreshes_the_token_and_repeats_the_call_once()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var id = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme" });
        Assert.NotNull(await tenant.Client.GetAsync(SuperOfficeEntity.Contact, id));

        tenant.Emulator.ExpireAccessTokens();
        var contact = await tenant.Client.GetAsync(SuperOfficeEntity.Contact, id);

        Assert.Equal("Acme", contact!["Name"].AsString());
        Assert.Equal(2, tenant.Emulator.CallCount(SuperOfficeEndpoint.Token));
        Assert.Equal(3, tenant.Emulator.CallCount(SuperOfficeEndpoint.Retrieve));
    }

    [Fact]
    public async Task Withdrawn_consent_says_reauthorisation_is_needed_without_showing_secrets()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var refreshToken = (await tenant.Tokens.LoadRefreshTokenAsync(CancellationToken.None))!;
        tenant.Emulator.RevokeRefreshTokens();

        var error = await Assert.ThrowsAsync<SuperOfficeAuthenticationException>(() => tenant.Client.GetAsync(SuperOfficeEntity.Contact, 1));

        Assert.Equal("invalid_grant", error.Error);
        Assert.True(error.NeedsReauthorization);
        Assert.Contains("authorised again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(refreshToken, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.Emulator.ClientSecret, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.Token));
        Assert.Equal(0, tenant.Emulator.CallCount(SuperOfficeEndpoint.Retrieve));
    }
}
