using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>Signing in with a refresh token from the web-server flow instead of the client-credentials grant.</summary>
public class SalesforceRefreshTokenTests
{
    [Fact]
    public async Task A_configured_refresh_token_signs_in_and_is_used_again_when_the_session_expires()
    {
        await using var org = await SalesforceOrg.StartAsync(null, 0, emulator => emulator.IssueRefreshToken());

        await org.Client.DescribeAsync("Product2");
        var afterFirst = org.Emulator.CallCount(SalesforceEndpoint.Token);
        org.Emulator.ExpireAccessTokens();
        await org.Client.DescribeAsync("Account");

        Assert.Equal(1, afterFirst);
        Assert.Equal(2, org.Emulator.CallCount(SalesforceEndpoint.Token));
    }

    [Fact]
    public async Task A_revoked_refresh_token_asks_for_reauthorisation_without_showing_the_token()
    {
        string? token = null;
        await using var org = await SalesforceOrg.StartAsync(null, 0, emulator => token = emulator.IssueRefreshToken());
        org.Emulator.RevokeRefreshToken(token!);

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => org.Client.DescribeAsync("Product2"));

        Assert.True(error.NeedsReauthorization);
        Assert.Contains("authorise the connected app again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token!, error.ToString(), StringComparison.Ordinal);
    }
}
