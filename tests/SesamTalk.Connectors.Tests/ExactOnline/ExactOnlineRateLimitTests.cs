using System.Text.Json.Nodes;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>Pacing by Exact's rate-limit headers: wait out the minutely window (in the background sync, only as long as it allows), stop on the daily quota.</summary>
public class ExactOnlineRateLimitTests
{
    private static readonly string[] Name = ["Name"];
    private static readonly DateTimeOffset NextMidnight = new(2024, 9, 11, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Calls_wait_for_the_minutely_window_to_reset_instead_of_collecting_a_429()
    {
        await using var company = await ExactOnlineCompany.StartAsync(options =>
        {
            options.MinutelyLimit = 5;
            options.PageSize = 10;
        });
        Seed(company, 100);

        var accounts = await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name).ToListAsync();

        // current/Me and 10 pages: 5 calls in the first window (30 s left), 5 in the next, 1 in the third.
        Assert.Equal(100, accounts.Count);
        Assert.Equal(10, company.Emulator.CallCount(ExactOnlineEndpoint.List));
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.Me));
        Assert.Equal(TimeSpan.FromSeconds(90), company.Clock.Waited);
    }

    [Fact]
    public async Task In_the_background_sync_a_minutely_reset_further_away_than_it_allows_fails_at_once_with_the_reset_time()
    {
        using var patience = RateLimitPatience.Allow(TimeSpan.FromSeconds(2));
        await using var company = await ExactOnlineCompany.StartAsync(options =>
        {
            options.MinutelyLimit = 5;
            options.PageSize = 10;
        });
        Seed(company, 100);

        var read = new List<SyncRecord>();
        var error = await Assert.ThrowsAsync<SyncQuotaExhaustedException>(async () =>
        {
            await foreach (var account in company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name))
            {
                read.Add(account);
            }
        });

        // current/Me and 4 pages used the window; its reset is 30 s away, past the 2 s allowed.
        Assert.Equal(40, read.Count);
        Assert.Equal(ExactOnlineCompany.Start.AddSeconds(30), error.ResetsAt);
        Assert.Equal((5, 5), (error.Used, error.Limit));
        Assert.Equal(TimeSpan.Zero, company.Clock.Waited);
    }

    [Fact]
    public async Task A_used_up_daily_budget_stops_before_the_next_call_and_says_when_it_resets()
    {
        await using var company = await ExactOnlineCompany.StartAsync(options => options.DailyLimit = 100);
        Seed(company, 150);
        company.Emulator.SetRateLimitUsage(minutely: 0, daily: 98);

        var read = new List<SyncRecord>();
        var error = await Assert.ThrowsAsync<SyncQuotaExhaustedException>(async () =>
        {
            await foreach (var account in company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name))
            {
                read.Add(account);
            }
        });

        Assert.Equal(60, read.Count); // current/Me and the first page used the last two calls.
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.List));
        Assert.Equal(NextMidnight, error.ResetsAt);
        Assert.Equal(100, error.Limit);
        Assert.Equal(100, error.Used);
        Assert.Equal("Exact Online", error.System);
        Assert.Contains("2024-09-11 00:00:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_for_the_daily_budget_is_not_retried()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        company.Emulator.SetRateLimitUsage(minutely: 0, daily: 5_000);

        var error = await Assert.ThrowsAsync<SyncQuotaExhaustedException>(() => company.Client.GetAsync(ExactOnlineEntitySet.Accounts, Guid.NewGuid().ToString()));

        Assert.Equal(NextMidnight, error.ResetsAt);
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.Me));
        Assert.Equal(TimeSpan.Zero, company.Clock.Waited);
    }

    private static void Seed(ExactOnlineCompany company, int count)
    {
        for (var i = 0; i < count; i++)
        {
            company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = $"Account {i:D3}" });
        }
    }
}
