using System.Text.Json.Nodes;

namespace SesamTalk.Connectors.Tests.Custom;

/// <summary>The custom connector paces itself by the contract's RateLimit-* headers instead of meeting the limit.</summary>
public sealed class CustomRateLimitTests
{
    [Fact]
    public async Task A_spent_window_is_waited_out_before_the_next_call_so_no_call_is_refused()
    {
        await using var crm = await CustomSystem.StartAsync(pageSize: 10, rateLimit: 4);
        for (var i = 0; i < 100; i++)
        {
            crm.Emulator.Seed("Customer", new JsonObject { ["Name"] = $"Paced {i}" });
        }

        var pages = await crm.Client.ReadChangesAsync("Customer", null).ToListAsync();

        Assert.Equal(100, pages.Sum(page => page.Records.Count));
        Assert.True(pages.Count > 4); // more calls than one window allows
        Assert.Equal(0, crm.Emulator.RateLimitRefusals); // none met the limit
    }
}
