using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;

namespace SesamTalk.Engine.Tests;

/// <summary>A cycle whose lease another process takes over while it runs (it was paused past the lease) writes nothing stale.</summary>
public sealed class LeaseFencingTests
{
    [Fact]
    public async Task A_cycle_whose_lease_is_taken_over_while_it_decides_a_unit_sends_no_create_of_it()
    {
        await using var app = await EngineHarness.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            await app.Memos.SaveAsync(new Memo { Text = $"memo {i}" }, default);
        }

        app.TakeOverLeaseAtNextHostLookup();
        var report = (await app.Talk.Memos.SyncAsync()).Flows.Single();

        // Memos have no match key: creates sent under intents of this cycle's own would be found by nobody else.
        Assert.True(report.Stopped);
        Assert.False(report.Failed);
        Assert.Contains("another process holds it now", report.StopReason, StringComparison.Ordinal);
        Assert.Empty(app.ShopRecords("Memo"));
        Assert.Empty(await app.Links.ListOpenIntentsAsync(EngineHarness.Flow("Memo", "Memo")));
    }
}
