using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>The connector keeps to the org's daily API quota and stops cleanly when it is used up.</summary>
public class SalesforceQuotaTests
{
    [Fact]
    public async Task Calls_stop_at_the_reserve_the_host_keeps_and_the_usage_is_known()
    {
        await using var org = await SalesforceOrg.StartAsync(dailyCallReserve: 500);
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Hammer" });
        org.Emulator.SetApiUsage(14_600);

        var error = await Assert.ThrowsAsync<SyncQuotaExhaustedException>(() => org.Client.GetChangesAsync("Product2", ["Name"], null, null).ToListAsync().AsTask());

        Assert.Equal("Salesforce", error.System);
        Assert.Equal(15_000, org.Usage.Limit);
        Assert.True(org.Usage.Remaining <= 500);
        Assert.Equal(1, org.Emulator.CallCount(SalesforceEndpoint.Describe));
        Assert.Equal(0, org.Emulator.CallCount(SalesforceEndpoint.Query));
    }

    [Fact]
    public async Task Salesforce_refusing_with_REQUEST_LIMIT_EXCEEDED_is_the_same_clean_stop()
    {
        await using var org = await SalesforceOrg.StartAsync();
        org.Emulator.SetApiUsage(15_000);

        var error = await Assert.ThrowsAsync<SyncQuotaExhaustedException>(() => org.Client.DescribeAsync("Product2"));

        Assert.Equal(15_000, error.Limit);
    }

    [Fact]
    public async Task A_figure_at_the_reserve_is_checked_again_after_the_recheck_interval_and_calls_resume_when_the_rolling_window_freed_some()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 9, 10, 12, 0, 0, TimeSpan.Zero));
        await using var emulator = await SalesforceEmulator.StartAsync();
        await using var services = new SesamTalkBuilder(new ServiceCollection()
            .AddSingleton<TimeProvider>(clock))
            .AddSalesforce(options =>
            {
                options.LoginUrl = emulator.BaseUrl;
                options.ClientId = emulator.ClientId;
                options.ClientSecret = emulator.ClientSecret;
                options.DailyCallReserve = 500;
            }).Services
            .BuildServiceProvider();
        var client = services.GetRequiredKeyedService<SalesforceClient>("Salesforce");
        emulator.SetApiUsage(14_600);
        await client.DescribeAsync("Product2"); // its answer says only the reserve is left
        var held = await Assert.ThrowsAsync<SyncQuotaExhaustedException>(() => client.DescribeAsync("Account"));
        clock.Advance(SalesforceLimitHandler.RecheckInterval / 2);
        await Assert.ThrowsAsync<SyncQuotaExhaustedException>(() => client.DescribeAsync("Contact"));
        var describes = emulator.CallCount(SalesforceEndpoint.Describe);

        emulator.SetApiUsage(9_000); // calls made a day ago left the rolling window
        clock.Advance(SalesforceLimitHandler.RecheckInterval / 2);
        await client.DescribeAsync("Order");

        Assert.Equal(clock.GetUtcNow(), held.ResetsAt); // the exception said when the figure would be checked again
        Assert.Equal(1, describes);
        Assert.Equal(2, emulator.CallCount(SalesforceEndpoint.Describe));
        Assert.True(services.GetRequiredKeyedService<SalesforceApiUsage>("Salesforce").Remaining > 500);
    }
}
