using System.Text.Json.Nodes;
using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Engine.Tests.Routing;

/// <summary>
/// Routing (the fast path, match, claim, create or merge) runs over what the resolve stage read for the whole page or
/// unit: the links of the records and of their match candidates, the matched host records. It never looks up a link,
/// or reads a host record, one record at a time.
/// </summary>
public sealed class BatchedRoutingTests
{
    [Fact]
    public async Task A_first_cycle_linking_records_that_exist_on_both_sides_looks_up_and_reads_their_matches_per_page_not_per_record()
    {
        await using var app = await EngineHarness.StartAsync(pageSize: 100);
        for (var i = 0; i < 250; i++)
        {
            await app.Customers.SaveAsync(new Customer { Email = $"c{i}@example.com", Name = $"Customer {i}" }, default);
            app.SeedShop("Customer", new JsonObject { ["Email"] = $"C{i}@Example.com", ["Name"] = $"Customer {i}" });
        }

        var (lookups, pageLookups) = (app.SingleLinkLookups, app.PageLinkLookups);
        var (single, batches) = (app.CustomerReads.SingleReads, app.CustomerReads.BatchReads);
        var report = (await app.Talk.Customers.SyncAsync()).Flows.Single();

        Assert.False(report.Stopped, report.StopReason);
        Assert.Equal((0, 0, 250), (report.Created, report.Quarantined, report.Linked));
        Assert.Equal(250, app.Customers.Records.Count);
        Assert.Equal(250, app.ShopRecords("Customer").Count);

        // Before, each remote record looked up its candidate's link and read its host record by itself: 250 of each.
        Assert.Equal(0, app.SingleLinkLookups - lookups);
        Assert.Equal(0, app.CustomerReads.SingleReads - single);
        Assert.Equal(3, app.CustomerReads.BatchReads - batches); // one a page: 100, 100 and 50 records

        // Two a remote page (its links, its candidates' links) and one for the host unit.
        Assert.Equal(3 * 2 + 1, app.PageLinkLookups - pageLookups);
    }

    [Fact]
    public async Task Host_records_that_find_pre_existing_remote_records_by_search_look_up_their_links_per_unit_not_per_record()
    {
        await using var app = await EngineHarness.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            app.SeedShop("Product", new JsonObject { ["Sku"] = $"SKU-{i}", ["Name"] = $"Product {i}" });
        }

        await app.Talk.Products.SyncAsync(); // host products create nothing from the Shop: its cursor moves past them
        foreach (var i in Enumerable.Range(0, 120))
        {
            await app.Products.SaveAsync(new Product { Sku = $"sku-{i}", Name = $"Product {i}" }, default);
        }

        var lookups = app.SingleLinkLookups;
        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.False(report.Stopped, report.StopReason);
        Assert.Equal((0, 0, 120), (report.Created, report.Quarantined, report.Linked));
        Assert.Equal(120, app.ShopRecords("Product").Count);
        Assert.Equal(0, app.SingleLinkLookups - lookups); // before, one a record the search found
    }

    [Fact]
    public async Task Two_host_records_of_one_unit_that_match_the_same_remote_record_link_one_and_report_the_other()
    {
        await using var app = await EngineHarness.StartAsync();
        var remoteId = app.SeedShop("Product", new JsonObject { ["Sku"] = "SKU-1", ["Name"] = "Shop product" });
        await app.Talk.Products.SyncAsync();
        var first = new Product { Sku = "SKU-1", Name = "First" };
        var second = new Product { Sku = "sku-1", Name = "Second" };
        await app.Products.SaveAsync(first, default);
        await app.Products.SaveAsync(second, default);

        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.Equal((0, 1, 1), (report.Created, report.Quarantined, report.Linked));
        var link = Assert.Single(await app.Talk.Products.GetLinksAsync(first.Id));
        Assert.Equal(remoteId, link.RemoteId);
        Assert.Empty(await app.Talk.Products.GetLinksAsync(second.Id));
        var quarantined = Assert.Single(await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Product", "Product")));
        Assert.Equal(second.Id, quarantined.RecordId);
        Assert.Contains("linked to another record already", quarantined.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_records_linked_by_hand_to_remote_records_outside_the_feed_merge_with_them_as_they_are_now()
    {
        await using var app = await EngineHarness.StartAsync();
        var shopIds = Enumerable.Range(0, 3).Select(i => app.SeedShop("Product", new JsonObject { ["Sku"] = $"SHOP-{i}", ["Name"] = $"Shop {i}", ["Stock"] = i + 1 })).ToList();
        await app.Talk.Products.SyncAsync(); // the Shop's cursor moves past its products; the host has none to match them
        app.HostClock.Advance(TimeSpan.FromMinutes(1)); // the host's records are the later edits: they win the first merge
        var products = new List<Product>();
        for (var i = 0; i < 3; i++)
        {
            var product = new Product { Sku = $"HOST-{i}", Name = $"Host {i}" };
            await app.Products.SaveAsync(product, default);
            await app.Links.LinkByHandAsync(EngineHarness.Flow("Product", "Product"), product.Id, shopIds[i]);
            products.Add(product);
        }

        app.Shop.ResetCallCounts();
        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.False(report.Stopped, report.StopReason);
        Assert.Equal((0, 6), (report.Created, report.Updated)); // each pair written on both sides
        Assert.Equal(3, app.ShopRecords("Product").Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal($"Host {i}", (string?)app.ShopFields("Product", shopIds[i])["Name"]);
            Assert.Equal(i + 1, products[i].Stock); // the Shop's own field, read as it is now
        }

        // The three remote records are read by id in one call, before the unit's writes.
        Assert.Equal((0, 1), (app.Shop.CallCount(CustomEndpoint.Get), app.Shop.CallCount(CustomEndpoint.ReadMany)));
    }

    [Fact]
    public async Task A_page_whose_later_record_matches_only_an_unchanged_host_record_widens_the_index_for_it_and_creates_nothing_twice()
    {
        await using var app = await EngineHarness.StartAsync();
        var grace = new Lead { Email = "grace@example.com", Name = "Grace" };
        await app.Leads.SaveAsync(grace, default);
        await app.Talk.Leads.SyncAsync(); // the host's cursor moves past Grace; the Shop has no leads yet
        var ada = new Lead { Email = "ada@example.com", Name = "Ada" };
        await app.Leads.SaveAsync(ada, default);

        // One page: Ada matches a host change of this cycle, Grace only a host record that did not change.
        app.SeedShop("Lead", new JsonObject { ["Email"] = "Ada@Example.com", ["Name"] = "Ada L." });
        app.SeedShop("Lead", new JsonObject { ["Email"] = "Grace@Example.com", ["Name"] = "Grace H." });
        var report = (await app.Talk.Leads.SyncAsync()).Flows.Single();

        Assert.Equal((0, 0, 2), (report.Created, report.Quarantined, report.Linked));
        Assert.Equal(2, app.Leads.Records.Count);
        Assert.Single(await app.Talk.Leads.GetLinksAsync(ada.Id));
        Assert.Single(await app.Talk.Leads.GetLinksAsync(grace.Id));
    }
}
