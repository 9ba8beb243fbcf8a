using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Systems;

/// <summary>
/// Promise 1 where neither the API nor the mapping has a key: Salesforce honours no idempotency key and a price book
/// entry has no match key, but a price book holds one entry per product, so the engine finds a lost create by that.
/// </summary>
public sealed class SalesforcePriceEntryTests
{
    [Fact]
    public async Task Entries_whose_create_answers_were_lost_are_found_by_price_book_and_product_and_not_created_again()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        var pricebook = salesforce.Seed("Pricebook2", new JsonObject { ["Name"] = "Standard" });
        var gadgets = new InMemoryHostStore<Gadget>(g => g.Id, (g, id) => g.Id = id);
        await using var host = SalesforceConnection.Host<ListPrice>(salesforce, p => p.Id, (p, id) => p.Id = id, services => services.AddSingleton<IHostStore<Gadget>>(gadgets));
        for (var i = 0; i < 5; i++)
        {
            var gadget = new Gadget { Code = $"G-{i}", Name = $"Gadget {i}" };
            await gadgets.SaveAsync(gadget, default);

            // One price for all: what an entry holds besides its references cannot tell the five apart.
            await host.Store.SaveAsync(new ListPrice { PricebookId = pricebook, GadgetId = gadget.Id, Price = 10m }, default);
        }

        await host.Talk.Gadgets.SyncAsync();

        // Every answer to the entries' create is lost after Salesforce committed it.
        salesforce.Inject(SalesforceFault.LoseResponse().On(SalesforceEndpoint.CollectionCreate).Times(10));
        var lost = (await host.Talk.ListPrices.SyncAsync()).Flows.Single();
        Assert.True(lost.Stopped);
        Assert.Equal(5, salesforce.GetRecords("PricebookEntry").Count);
        salesforce.ClearFaults();

        for (var run = 0; run < 2; run++)
        {
            var report = (await host.Talk.ListPrices.SyncAsync()).Flows.Single();
            Assert.False(report.Stopped, report.StopReason);
            Assert.Equal(0, report.Quarantined);
        }

        Assert.Equal(5, salesforce.GetRecords("PricebookEntry").Count);
        Assert.Empty(await host.Links.ListOpenIntentsAsync(new SyncFlowId("ListPrice", new SyncTarget("Salesforce", "PricebookEntry"))));
        foreach (var price in host.Store.Records)
        {
            var link = Assert.Single(await host.Talk.ListPrices.GetLinksAsync(price.Id));
            Assert.Equal(SyncLinkProvenance.CreatedBySync, link.Provenance);
            var product = Assert.Single(await host.Talk.Gadgets.GetLinksAsync(price.GadgetId)).RemoteId;
            Assert.Equal(product, (string?)salesforce.GetRecord(link.RemoteId)!["Product2Id"]);
        }
    }
}
