using System.Text.Json.Nodes;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>The connector's OAuth against the emulator: rotation, refresh before expiry and after a 401, dead grants.</summary>
public class ExactOnlineAuthTests
{
    private static readonly string[] Name = ["Name"];

    [Fact]
    public async Task Each_rotated_refresh_token_is_saved_before_the_access_token_that_came_with_it_is_used()
    {
        var store = new RecordingStore();
        await using var company = await ExactOnlineCompany.StartAsync(tokens: store);
        var first = company.Emulator.IssueRefreshToken();
        await store.SaveRefreshTokenAsync(first, CancellationToken.None);
        store.Saves.Clear();
        store.Emulator = company.Emulator;
        company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });

        await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name).ToListAsync();
        company.Emulator.ExpireAccessTokens();
        await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name).ToListAsync();

        Assert.Equal(2, store.Saves.Count);
        Assert.Equal(0, store.Saves[0].ApiCallsBefore);
        Assert.Equal(3, store.Saves[1].ApiCallsBefore); // Me, the first page, and the page refused with 401.
        Assert.Equal(4, ApiCalls(company.Emulator));
        Assert.Equal(3, store.Saves.Select(s => s.Token).Append(first).Distinct().Count());
        Assert.Equal(store.Saves[1].Token, await company.StoredRefreshTokenAsync());
        Assert.Equal(2, company.Emulator.CallCount(ExactOnlineEndpoint.Token));
    }

    [Theory]
    [InlineData(575)] // Inside the 30-second margin before the 600-second expiry.
    [InlineData(3600)] // Long expired.
    public async Task An_access_token_due_to_expire_is_refreshed_before_the_call_so_no_401_is_collected(int secondsLater)
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });

        await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name).ToListAsync();
        company.Clock.Advance(TimeSpan.FromSeconds(secondsLater));
        var accounts = await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name).ToListAsync();

        Assert.Single(accounts);
        Assert.Equal(2, company.Emulator.CallCount(ExactOnlineEndpoint.Token));
        Assert.Equal(2, company.Emulator.CallCount(ExactOnlineEndpoint.List));
    }

    [Fact]
    public async Task A_token_revoked_mid_run_is_refreshed_once_and_the_run_goes_on()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        for (var i = 0; i < 150; i++)
        {
            company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = $"Account {i:D3}" });
        }

        var count = 0;
        await foreach (var _ in company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name))
        {
            if (++count == 1)
            {
                company.Emulator.ExpireAccessTokens();
            }
        }

        Assert.Equal(150, count);
        Assert.Equal(2, company.Emulator.CallCount(ExactOnlineEndpoint.Token));
        Assert.Equal(4, company.Emulator.CallCount(ExactOnlineEndpoint.List));
    }

    [Fact]
    public async Task A_refresh_token_of_an_old_link_of_the_chain_says_reauthorisation_is_needed_and_shows_no_secret()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var old = await company.StoredRefreshTokenAsync();
        await company.Client.GetAsync(ExactOnlineEntitySet.Accounts, Guid.NewGuid().ToString());
        var rotated = await company.StoredRefreshTokenAsync();
        var client = company.ConnectAnother(new InMemoryExactOnlineTokenStore(old));

        var error = await Assert.ThrowsAsync<ExactOnlineAuthenticationException>(() => client.ReadAsync(ExactOnlineEntitySet.Accounts, Name).ToListAsync().AsTask());

        Assert.True(error.NeedsReauthorization);
        Assert.Equal("invalid_grant", error.Error);
        Assert.Contains("authorised again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(old!, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(rotated!, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(company.Emulator.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_token_store_says_reauthorisation_is_needed_without_calling_exact()
    {
        await using var company = await ExactOnlineCompany.StartAsync(tokens: new InMemoryExactOnlineTokenStore());

        var error = await Assert.ThrowsAsync<ExactOnlineAuthenticationException>(() => company.Client.GetAsync(ExactOnlineEntitySet.Accounts, Guid.NewGuid().ToString()));

        Assert.True(error.NeedsReauthorization);
        Assert.Equal(ExactOnlineAuthenticationException.NoRefreshToken, error.Error);
        Assert.Equal(0, company.Emulator.CallCount(ExactOnlineEndpoint.Token));
    }

    [Fact]
    public async Task A_wrong_client_secret_asks_to_check_the_app_and_never_shows_the_secret()
    {
        const string secret = "wrong-secret-that-must-not-leak";
        await using var company = await ExactOnlineCompany.StartAsync(clientSecret: secret);

        var error = await Assert.ThrowsAsync<ExactOnlineAuthenticationException>(() => company.Client.GetAsync(ExactOnlineEntitySet.Accounts, Guid.NewGuid().ToString()));

        Assert.False(error.NeedsReauthorization);
        Assert.Equal("invalid_client", error.Error);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authorization_code_is_redeemed_and_its_refresh_token_stored()
    {
        await using var company = await ExactOnlineCompany.StartAsync(tokens: new InMemoryExactOnlineTokenStore());
        var consent = company.Session.AuthorizationUrl("state-42");

        await company.Session.RedeemAuthorizationCodeAsync(company.Emulator.IssueAuthorizationCode());
        var missing = await company.Client.GetAsync(ExactOnlineEntitySet.Accounts, Guid.NewGuid().ToString());

        Assert.StartsWith(company.Emulator.AuthorizeUrl.AbsoluteUri + "?client_id=", consent.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("state=state-42", consent.Query, StringComparison.Ordinal);
        Assert.Null(missing);
        Assert.NotNull(await company.StoredRefreshTokenAsync());
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.Token));
    }

    private static int ApiCalls(ExactOnlineEmulator emulator) =>
        emulator.CallCounts.Where(c => c.Key is not (ExactOnlineEndpoint.Token or ExactOnlineEndpoint.Authorize)).Sum(c => c.Value);

    /// <summary>A store that notes, for every save, how many API calls the emulator had received before it.</summary>
    private sealed class RecordingStore : IExactOnlineTokenStore
    {
        private string? _token;

        public ExactOnlineEmulator? Emulator { get; set; }

        public List<(string Token, int ApiCallsBefore)> Saves { get; } = [];

        public ValueTask<string?> LoadRefreshTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_token);

        public ValueTask SaveRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken)
        {
            Saves.Add((refreshToken, Emulator is null ? 0 : ApiCalls(Emulator)));
            _token = refreshToken;
            return ValueTask.CompletedTask;
        }
    }
}
