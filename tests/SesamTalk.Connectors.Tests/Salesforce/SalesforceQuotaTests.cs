using System.Text.Json.Nodes;
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
}
