using SesamTalk.Connectors.Engine;
using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;

namespace SesamTalk.Engine.Tests.Scale;

/// <summary>Links, and the links references name, are looked up a page at a time, never one query per record.</summary>
public sealed class BatchedLookupTests
{
    [Fact]
    public async Task Orders_both_ways_look_up_their_links_and_their_customers_links_per_page_not_per_record()
    {
        await using var app = await EngineHarness.StartAsync();
        var customers = new List<Customer>();
        for (var i = 0; i < 5; i++)
        {
            var customer = new Customer { Email = $"c{i}@example.com", Name = $"Customer {i}" };
            await app.Customers.SaveAsync(customer, default);
            customers.Add(customer);
        }

        await app.Talk.Customers.SyncAsync();
        var shopCustomers = app.ShopRecords("Customer").Select(customer => customer.Id).ToList();
        for (var i = 0; i < 120; i++)
        {
            await app.Orders.SaveAsync(new Order { Number = $"H-{i}", CustomerId = customers[i % 5].Id, OrderDate = new DateOnly(2026, 12, 1) }, default);
            app.SeedShop("Order", new JsonObject { ["Number"] = $"S-{i}", ["CustomerId"] = shopCustomers[i % 5], ["OrderDate"] = "2026-12-01", ["Lines"] = new JsonArray() });
        }

        var before = app.SingleLinkLookups;
        var report = (await app.Talk.Orders.SyncAsync()).Flows.Single();

        Assert.False(report.Stopped, report.StopReason);
        Assert.Equal(240, report.Created);
        Assert.Equal(240, app.ShopRecords("Order").Count);
        Assert.Equal(240, app.Orders.Records.Count);

        // Before, each order looked up its own link and its customer's: 480 and more. What is left is per record
        // only where a record is read outside its page (none here).
        Assert.Equal(0, app.SingleLinkLookups - before);
    }

    [Fact]
    public async Task Units_that_write_nothing_commit_their_cursor_once_with_the_cycle_not_one_transaction_each()
    {
        await using var app = await EngineHarness.StartAsync(options => options.Flows["Memo"] = new SyncFlowOptions { BatchSize = 100 });
        for (var i = 0; i < 500; i++)
        {
            await app.Memos.SaveAsync(new Memo { Text = $"memo {i}" }, default);
        }

        await app.Talk.Memos.SyncAsync();
        await app.Talk.Memos.SyncAsync(); // the creates' echoes
        foreach (var memo in app.Memos.Records.ToList())
        {
            await app.Memos.SaveAsync(memo, default); // saved again unchanged: five units of 100 that write nothing
        }

        var before = app.LinkStoreCommits;
        var quiet = (await app.Talk.Memos.SyncAsync()).Flows.Single();
        var commits = app.LinkStoreCommits - before;
        var next = (await app.Talk.Memos.SyncAsync()).Flows.Single();

        Assert.Equal(500, quiet.Read);
        Assert.Equal(500, quiet.Unchanged);
        Assert.Equal(1, commits);
        Assert.Equal(0, next.Read); // the cursor moved past all five units
    }

    [Fact]
    public async Task Remote_edits_of_linked_records_read_their_host_records_a_page_at_a_time_where_the_store_reads_many()
    {
        await using var app = await EngineHarness.StartAsync(pageSize: 100);
        for (var i = 0; i < 250; i++)
        {
            await app.Customers.SaveAsync(new Customer { Email = $"c{i}@example.com", Name = $"Customer {i}" }, default);
        }

        await app.Talk.Customers.SyncAsync();
        await app.Talk.Customers.SyncAsync(); // the creates' echoes
        var edited = app.ShopRecords("Customer").Where((_, index) => index % 2 == 0).ToList();
        foreach (var record in edited)
        {
            app.EditShop("Customer", record.Id, new JsonObject { ["Name"] = "Edited " + record.Id });
        }

        var (single, batches) = (app.CustomerReads.SingleReads, app.CustomerReads.BatchReads);
        var report = (await app.Talk.Customers.SyncAsync()).Flows.Single();

        Assert.False(report.Stopped, report.StopReason);
        Assert.Equal(edited.Count, report.Updated);
        Assert.All(edited, record => Assert.Contains(app.Customers.Records, customer => customer.Name == "Edited " + record.Id));
        Assert.Equal(0, app.CustomerReads.SingleReads - single);
        Assert.Equal(2, app.CustomerReads.BatchReads - batches); // the 125 edits come in two pages, of 100 and 25
    }
}
