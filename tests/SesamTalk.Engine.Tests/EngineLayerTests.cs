using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests;

/// <summary>
/// What the engine does alone and what it leaves to the connector: constants go on creates only, by the engine; the
/// connector splits a unit's writes into the API's batches; and only errors of the data set a record aside.
/// </summary>
public sealed class EngineLayerTests
{
    [Fact]
    public async Task Constants_go_on_the_orders_and_lines_the_engine_creates_and_never_over_a_remote_edit_of_a_line()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        var (purchase, entries) = SalesforcePurchases.Seed(salesforce);
        await using var host = SalesforcePurchases.Host(salesforce);
        await host.Store.SaveAsync(purchase, default);
        await host.SyncCleanAsync();

        var order = Assert.Single(salesforce.GetRecords("Order"));
        Assert.Equal("Draft", (string?)order["Status"]);
        Assert.All(salesforce.GetRecords("OrderItem"), item => Assert.Equal("Added by sync", (string?)item["Description"]));

        // Salesforce rewords the saw's description; the host changes the saw's quantity and adds a line: the saw is
        // updated without its constant, the new line is created with it.
        var saw = salesforce.GetRecords("OrderItem").Single(item => (string?)item["PricebookEntryId"] == entries[0]);
        salesforce.Edit((string)saw["Id"]!, new JsonObject { ["Description"] = "Reworded in Salesforce" });
        var chisel = salesforce.Seed("PricebookEntry", new JsonObject
        {
            ["Pricebook2Id"] = purchase.PricebookId,
            ["Product2Id"] = salesforce.Seed("Product2", new JsonObject { ["Name"] = "Chisel" }),
            ["UnitPrice"] = 10.0,
        });
        var edited = (await host.Store.GetAsync(purchase.Id, default))!;
        edited.Lines.Single(line => line.EntryId == entries[0]).Quantity = 9;
        edited.Lines.Add(new PurchaseLine { Id = "L3", EntryId = chisel, Quantity = 1, UnitPrice = 10m });
        await host.Store.SaveAsync(edited, default);
        await host.SyncCleanAsync();

        var items = salesforce.GetRecords("OrderItem").ToDictionary(item => (string)item["PricebookEntryId"]!);
        Assert.Equal((9.0, "Reworded in Salesforce"), ((double)items[entries[0]]["Quantity"]!, (string?)items[entries[0]]["Description"]));
        Assert.Equal("Added by sync", (string?)items[chisel]["Description"]);
    }

    [Fact]
    public async Task A_unit_of_creates_goes_to_the_connector_in_one_call_and_the_connector_alone_splits_it_into_the_APIs_batches()
    {
        // The Shop's batch takes 100 records: 250 host products are one unit of work, one CreateAsync, three batch calls.
        await using var app = await EngineHarness.StartAsync();
        for (var i = 0; i < 250; i++)
        {
            await app.Products.SaveAsync(new Product { Sku = $"U-{i:D3}", Name = $"Unit product {i}" }, default);
        }

        using var recorder = new SpanRecorder();
        using (recorder.StartRoot())
        {
            var report = (await app.Talk.Products.SyncAsync()).Flows.Single();
            Assert.Equal(250, report.Created);
        }

        var create = Assert.Single(recorder.Calls("CreateAsync"));
        Assert.Equal(250, create.GetTagItem("sesamtalk.records"));
        Assert.Equal(3, app.Shop.CallCount(CustomEndpoint.Batch));
        Assert.Equal(250, app.ShopRecords("Product").Count);
    }

    [Fact]
    public async Task A_unit_of_creates_over_several_batches_quarantines_the_refused_links_the_rest_and_leaves_the_next_cycle_quiet()
    {
        // Three batches of the API's in one unit; a refused record in the first and in the last batch.
        await using var app = await EngineHarness.StartAsync(shop: new CustomSystemEmulatorOptions { Catalog = ShopCatalog.Json });
        var refused = new List<Product>();
        for (var i = 0; i < 250; i++)
        {
            var product = new Product { Sku = $"B-{i:D3}", Name = i is 40 or 230 ? new string('x', 60) : $"Batch product {i}" };
            await app.Products.SaveAsync(product, default);
            if (i is 40 or 230)
            {
                refused.Add(product);
            }
        }

        var first = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.Equal((248, 2), (first.Created, first.Quarantined));
        Assert.Equal(3, app.Shop.CallCount(CustomEndpoint.Batch));
        Assert.Equal(248, await app.Links.CountLinksAsync(EngineHarness.Flow("Product", "Product")));
        Assert.Equal(refused.Select(product => product.Id).Order(), (await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Product", "Product"))).Select(entry => entry.RecordId).Order());

        // Only the refused creates keep their intents open (as a refused create always has); the others completed.
        Assert.Equal(refused.Select(product => product.Id).Order(), (await app.Links.ListOpenIntentsAsync(EngineHarness.Flow("Product", "Product"))).Select(intent => intent.SourceId).Order());

        // Each created record's link keeps the print of what its batch's answer stored (the echo's fast path), in
        // every batch.
        var links = await app.Links.FindLinksAsync(EngineHarness.Flow("Product", "Product"), SyncSide.Local, [.. app.Products.Records.Select(product => product.Id!)]);
        Assert.Equal(248, links.Count);
        Assert.All(links.Values, link => Assert.NotNull(link.Fingerprints.RemoteWritten));

        // What each batch stored is what the links expect: the echoes of the creates read as echoes, nothing is written.
        var next = (await app.Talk.Products.SyncAsync()).Flows.Single();
        Assert.Equal((0, 0), (next.Created, next.Updated));
        Assert.Equal(3, app.Shop.CallCount(CustomEndpoint.Batch));
    }

    [Fact]
    public async Task An_ArgumentException_from_the_host_store_is_a_bug_that_leaves_the_cycle_and_is_not_quarantined_as_a_bad_record()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        var buggy = new BuggyHostStore<Part>(new InMemoryHostStore<Part>(p => p.Id, (p, id) => p.Id = id));
        await using var host = new SystemHost<Part>(new InMemoryHostStore<Part>(p => p.Id, (p, id) => p.Id = id), services =>
        {
            services.AddSingleton<IHostStore<Part>>(buggy);
            services.AddSalesforce(salesforce);
        });
        salesforce.Seed("Product2", new JsonObject { ["Name"] = "Made in Salesforce", ["ProductCode"] = "SF-1" });
        buggy.Armed = true;

        await Assert.ThrowsAsync<ArgumentException>(() => host.Talk.Parts.SyncAsync());

        Assert.Empty(await host.Links.ListQuarantinedAsync(new SyncFlowId("Part", new SyncTarget("Salesforce", "Product2"))));

        // The bug fixed, the record goes through: nothing was set aside for a person to release.
        buggy.Armed = false;
        var report = (await host.Talk.Parts.SyncAsync()).Flows.Single();
        Assert.Equal((1, 0), (report.Created, report.Quarantined));
    }
}
