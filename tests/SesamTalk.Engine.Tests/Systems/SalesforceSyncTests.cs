using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Systems;

/// <summary>The engine with the Salesforce connector and emulator: thousands of records at the batching minimum, and every fault survived.</summary>
public sealed class SalesforceSyncTests
{
    [Fact]
    public async Task Two_thousand_products_reach_Salesforce_in_ten_collection_calls_and_the_echo_cycle_writes_nothing()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        await using var host = Host(salesforce);
        await SeedAsync(host.Store, 2000);

        var first = (await host.Talk.Gadgets.SyncAsync()).Flows.Single();

        Assert.False(first.Stopped, first.StopReason);
        Assert.Equal(2000, first.Created);
        Assert.Equal(10, salesforce.CallCount(SalesforceEndpoint.CollectionCreate)); // 200 a call: the API's maximum
        Assert.Equal(2000, salesforce.GetRecords("Product2").Count);

        salesforce.ResetCallCounts();
        var echo = (await host.Talk.Gadgets.SyncAsync()).Flows.Single();
        Assert.Equal(0, echo.Created + echo.Updated + echo.Deleted);
        Assert.Equal(0, salesforce.CallCount(SalesforceEndpoint.CollectionCreate) + salesforce.CallCount(SalesforceEndpoint.CollectionUpdate));
        Assert.Equal(echo.ApiCalls, salesforce.CallCount(SalesforceEndpoint.Query) + salesforce.CallCount(SalesforceEndpoint.QueryMore));
        Assert.True(echo.ApiCalls <= 2, $"{echo.ApiCalls} calls to read 2000 echoes back"); // 2000 rows a query page
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task Products_the_engine_creates_are_not_read_back_when_the_connector_predicts_what_salesforce_stored(bool predict, int readBacks)
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        await using var host = SalesforceConnection.Host<Gadget>(salesforce, g => g.Id, (g, id) => g.Id = id, configure: options => options.PredictStoredRecords = predict);
        for (var i = 0; i < 200; i++)
        {
            await host.Store.SaveAsync(new Gadget { Code = $"G-{i:D5}", Name = $"  Gadget {i}, trimmed by Salesforce  " }, default);
        }

        var first = (await host.Talk.Gadgets.SyncAsync()).Flows.Single();

        Assert.False(first.Stopped, first.StopReason);
        Assert.Equal(200, first.Created);
        Assert.Equal(1, salesforce.CallCount(SalesforceEndpoint.CollectionCreate));
        // The cycle's own read of the empty org is one query; a read-back of the created products would be one more.
        Assert.Equal(1 + readBacks, salesforce.CallCount(SalesforceEndpoint.Query));

        salesforce.ResetCallCounts();
        var echo = (await host.Talk.Gadgets.SyncAsync()).Flows.Single();
        Assert.Equal(0, echo.Created + echo.Updated + echo.Deleted);
        Assert.Equal(0, salesforce.CallCount(SalesforceEndpoint.CollectionUpdate));
        Assert.All(host.Store.Records, gadget => Assert.StartsWith("  Gadget", gadget.Name, StringComparison.Ordinal)); // the trimmed names never reach the host
    }

    [Fact]
    public async Task Lost_answers_throttling_server_errors_and_an_expired_session_lose_or_duplicate_no_product()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        await using var host = Host(salesforce);
        await SeedAsync(host.Store, 1000);
        salesforce.Inject(SalesforceFault.LoseResponse().On(SalesforceEndpoint.CollectionCreate).Times(1));
        salesforce.Inject(SalesforceFault.TooManyRequests(TimeSpan.FromMilliseconds(10)).On(SalesforceEndpoint.Query).Times(2));
        salesforce.Inject(SalesforceFault.ServiceUnavailable().On(SalesforceEndpoint.CollectionCreate).Times(1));
        salesforce.Inject(SalesforceFault.ExpireSession().On(SalesforceEndpoint.CollectionCreate).Times(1));

        var cycles = await host.SyncUntilCleanAsync(talk => talk.Gadgets.SyncAsync());

        Assert.Contains(cycles, cycle => cycle.Stopped); // the lost answer stopped a cycle at its checkpoint
        var codes = salesforce.GetRecords("Product2").Select(record => (string?)record["ProductCode"]).ToList();
        Assert.Equal(1000, codes.Count);
        Assert.Equal(1000, codes.Distinct().Count());
        foreach (var gadget in host.Store.Records)
        {
            Assert.Single(await host.Talk.Gadgets.GetLinksAsync(gadget.Id));
        }

        Assert.Empty(await host.Links.ListOpenIntentsAsync(new Connectors.LinkStore.SyncFlowId("Gadget", new SyncTarget("Salesforce", "Product2"))));
    }

    private static SystemHost<Gadget> Host(SalesforceEmulator salesforce) =>
        SalesforceConnection.Host<Gadget>(salesforce, g => g.Id, (g, id) => g.Id = id);

    private static async Task SeedAsync(InMemoryHostStore<Gadget> store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await store.SaveAsync(new Gadget { Code = $"G-{i:D5}", Name = $"Gadget {i}" }, default);
        }
    }
}
