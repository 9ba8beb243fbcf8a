using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Tests.LinkStore;

/// <summary>The flow lease between two store instances on one file (two processes, as far as SQLite can tell).</summary>
public class LinkStoreLeaseTests
{
    private static readonly SyncFlowId Flow = TempLinkStore.Customers;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_held_lease_keeps_the_other_instance_out_until_released()
    {
        await using var temp = new TempLinkStore();
        await using var a = await temp.OpenAsync();
        await using var b = await temp.OpenAsync();

        Assert.True(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));
        Assert.False(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));
        Assert.True(await b.TryAcquireLeaseAsync(TempLinkStore.CustomersInExact, "host-b", Minute));
        Assert.True(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));
        Assert.True(await a.RenewLeaseAsync(Flow, "host-a", Minute));
        Assert.False(await b.RenewLeaseAsync(Flow, "host-b", Minute));
        Assert.False(await b.ReleaseLeaseAsync(Flow, "host-b"));
        Assert.False(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));

        Assert.True(await a.ReleaseLeaseAsync(Flow, "host-a"));

        Assert.True(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));
        Assert.False(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));
    }

    [Fact]
    public async Task An_expired_lease_can_be_taken_over_and_its_old_owner_cannot_renew_it()
    {
        await using var temp = new TempLinkStore();
        await using var a = await temp.OpenAsync();
        await using var b = await temp.OpenAsync();
        Assert.True(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));

        temp.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));
        temp.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await b.TryAcquireLeaseAsync(Flow, "host-b", Minute));

        Assert.False(await a.RenewLeaseAsync(Flow, "host-a", Minute));
        Assert.False(await a.ReleaseLeaseAsync(Flow, "host-a"));
        Assert.False(await a.TryAcquireLeaseAsync(Flow, "host-a", Minute));
    }

    [Fact]
    public async Task Racing_instances_never_both_get_the_lease()
    {
        await using var temp = new TempLinkStore();
        var stores = new List<SqliteLinkStore>();
        for (var i = 0; i < 4; i++)
        {
            stores.Add(await temp.OpenAsync());
        }

        try
        {
            var won = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.TryAcquireLeaseAsync(Flow, $"host-{i}", Minute))));

            Assert.Single(won, w => w);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
