using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Testing.Tests.ExactOnline;

public sealed class RateLimitTests
{
    // 2024-09-10T14:20:30Z: the minute window resets at 14:21:00, the day at midnight UTC.
    private static readonly DateTimeOffset Now = new(2024, 9, 10, 14, 20, 30, TimeSpan.Zero);

    [Fact]
    public async Task EveryApiResponseCarriesBothWindows()
    {
        await using var division = await TestDivision.StartAsync(clock: new ManualClock(Now));

        var first = await division.GetAsync($"{division.Root}/crm/Accounts");
        var error = await division.GetAsync($"{division.Root}/crm/Widgets");

        Assert.Equal("5000", first.Headers["X-RateLimit-Limit"]);
        Assert.Equal("4999", first.Headers["X-RateLimit-Remaining"]);
        Assert.Equal("1726012800000", first.Headers["X-RateLimit-Reset"]);
        Assert.Equal("60", first.Headers["X-RateLimit-Minutely-Limit"]);
        Assert.Equal("59", first.Headers["X-RateLimit-Minutely-Remaining"]);
        Assert.Equal("1725978060000", first.Headers["X-RateLimit-Minutely-Reset"]);
        Assert.Equal("58", error.Headers["X-RateLimit-Minutely-Remaining"]);
    }

    [Fact]
    public async Task MinutelyLimitGives429WithOnlyTheMinutelyHeadersUntilTheNextMinute()
    {
        var clock = new ManualClock(Now);
        await using var division = await TestDivision.StartAsync(o => o.MinutelyLimit = 2, clock);

        await division.GetAsync("/api/v1/current/Me");
        var last = await division.GetAsync("/api/v1/current/Me");
        var refused = await division.GetAsync($"{division.Root}/crm/Accounts");
        clock.Advance(TimeSpan.FromSeconds(30));
        var nextMinute = await division.GetAsync($"{division.Root}/crm/Accounts");

        Assert.Equal("0", last.Headers["X-RateLimit-Minutely-Remaining"]);
        Assert.Equal((HttpStatusCode)429, refused.Status);
        Assert.Equal("API rate limit exceeded.", refused.ErrorMessage);
        Assert.Equal("0", refused.Headers["X-RateLimit-Minutely-Remaining"]);
        Assert.False(refused.Headers.ContainsKey("X-RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.OK, nextMinute.Status);
        Assert.Equal("1", nextMinute.Headers["X-RateLimit-Minutely-Remaining"]);
        Assert.Equal("4997", nextMinute.Headers["X-RateLimit-Remaining"]);
    }

    [Fact]
    public async Task DailyLimitGives429WithOnlyTheDailyHeaders()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.SetRateLimitUsage(minutely: 0, daily: 5000);

        var refused = await division.GetAsync($"{division.Root}/crm/Accounts");

        Assert.Equal((HttpStatusCode)429, refused.Status);
        Assert.Equal("0", refused.Headers["X-RateLimit-Remaining"]);
        Assert.False(refused.Headers.ContainsKey("X-RateLimit-Minutely-Remaining"));
    }

    [Fact]
    public async Task CallsAreCountedPerEndpointAndEntity()
    {
        await using var division = await TestDivision.StartAsync();
        var created = await division.CreateAsync("crm/Accounts", new JsonObject { ["Name"] = "A" });
        await division.GetAsync($"{division.Root}/crm/Accounts(guid'{created["ID"]}')");
        await division.GetAsync($"{division.Root}/crm/Accounts");
        await division.GetAsync($"{division.Root}/logistics/Items");
        await division.GetAsync($"{division.Root}/sync/CRM/Accounts");
        await division.GetAsync($"{division.Root}/sync/Deleted");

        Assert.Equal(
            new Dictionary<ExactOnlineEndpoint, int>
            {
                [ExactOnlineEndpoint.Create] = 1, [ExactOnlineEndpoint.Retrieve] = 1, [ExactOnlineEndpoint.List] = 2,
                [ExactOnlineEndpoint.Sync] = 1, [ExactOnlineEndpoint.SyncDeleted] = 1,
            },
            division.Emulator.CallCounts);
        Assert.Equal(1, division.Emulator.CallCount(ExactOnlineEndpoint.List, "Items"));
        Assert.Equal(1, division.Emulator.CallCount(ExactOnlineEndpoint.Sync, "Accounts"));
        division.Emulator.ResetCallCounts();
        Assert.Empty(division.Emulator.CallCounts);
    }
}
