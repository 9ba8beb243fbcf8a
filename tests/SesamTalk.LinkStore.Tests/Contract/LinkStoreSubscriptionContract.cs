using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests.Contract;

/// <summary>The change sources' positions: one per system and channel, replaced on save, kept across instances.</summary>
public abstract class LinkStoreSubscriptionContract
{
    /// <summary>A new empty store of the provider under test.</summary>
    protected abstract LinkStoreTarget NewTarget();

    [Fact]
    public async Task A_position_is_kept_per_system_and_channel_and_replaced_by_the_next_save()
    {
        await using var temp = NewTarget();
        var store = (IChangeSubscriptionStore)await temp.OpenAsync();
        Assert.Null(await store.GetSubscriptionPositionAsync("Salesforce", "/data/AccountChangeEvent"));

        await store.SaveSubscriptionPositionAsync("Salesforce", "/data/AccountChangeEvent", "AAAAAAAAAAE=");
        await store.SaveSubscriptionPositionAsync("Salesforce", "/data/ChangeEvents", "AAAAAAAAAAI=");
        await store.SaveSubscriptionPositionAsync("SalesforceEU", "/data/AccountChangeEvent", "AAAAAAAAAAM=");
        await store.SaveSubscriptionPositionAsync("Salesforce", "/data/AccountChangeEvent", "AAAAAAAAAAQ=");

        var other = (IChangeSubscriptionStore)await temp.OpenAsync();
        Assert.Equal("AAAAAAAAAAQ=", await other.GetSubscriptionPositionAsync("salesforce", "/data/AccountChangeEvent"));
        Assert.Equal("AAAAAAAAAAI=", await other.GetSubscriptionPositionAsync("Salesforce", "/data/ChangeEvents"));
        Assert.Equal("AAAAAAAAAAM=", await other.GetSubscriptionPositionAsync("SalesforceEU", "/data/AccountChangeEvent"));
        Assert.Null(await other.GetSubscriptionPositionAsync("Salesforce", "/data/ContactChangeEvent"));
        Assert.Equal(3, await temp.CountRowsAsync("subscription_positions"));
    }
}
