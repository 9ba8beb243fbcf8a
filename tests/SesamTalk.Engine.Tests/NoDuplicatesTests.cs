using System.Text.Json.Nodes;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Engine.Tests;

/// <summary>Promise 1: a crash or a lost response between a remote create and saving its link never yields a second record.</summary>
public sealed class NoDuplicatesTests
{
    [Fact]
    public async Task A_create_whose_response_is_lost_past_every_retry_is_not_created_twice_on_the_rerun()
    {
        await using var app = await EngineHarness.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            await app.Memos.SaveAsync(new Memo { Text = $"memo {i}" }, default); // no match key: only the intent's idempotency key can tell
        }

        // The batch commits in the Shop every time, but its answer never arrives, more times than the connector retries.
        app.Shop.Inject(CustomFault.LoseResponse().On(CustomEndpoint.Batch).Times(10));
        var lost = (await app.Talk.Memos.SyncAsync()).Flows.Single();
        Assert.True(lost.Stopped);
        Assert.Equal(5, app.ShopRecords("Memo").Count);
        Assert.Equal(5, (await app.Links.ListOpenIntentsAsync(EngineHarness.Flow("Memo", "Memo"))).Count);

        // Edited before the rerun: its content no longer tells which Shop record it made; the intent's key still does.
        var edited = app.Memos.Records[0];
        edited.Text = "memo 1, edited";
        await app.Memos.SaveAsync(edited, default);
        app.Shop.ClearFaults();
        await app.RestartAsync();
        var rerun = (await app.Talk.Memos.SyncAsync()).Flows.Single();

        Assert.False(rerun.Stopped, rerun.StopReason);
        Assert.Equal(5, app.ShopRecords("Memo").Count);
        Assert.Contains(app.ShopRecords("Memo"), memo => (string?)memo.Fields["Text"] == "memo 1, edited");
        Assert.Empty(await app.Links.ListOpenIntentsAsync(EngineHarness.Flow("Memo", "Memo")));
        foreach (var memo in app.Memos.Records)
        {
            var link = Assert.Single(await app.Talk.Memos.GetLinksAsync(memo.Id));
            Assert.Equal(SyncLinkProvenance.CreatedBySync, link.Provenance);
        }
    }

    [Fact]
    public async Task A_crash_after_the_remote_create_and_before_the_link_is_saved_is_not_created_twice()
    {
        await using var app = await EngineHarness.StartAsync();
        await app.Products.SaveAsync(new Product { Sku = "K-1", Name = "Kettle" }, default);
        await app.Products.SaveAsync(new Product { Sku = "K-2", Name = "Kettle XL" }, default);
        app.CrashBeforeNextCommit();

        await Assert.ThrowsAsync<IOException>(() => app.Talk.Products.SyncAsync());
        Assert.Equal(2, app.ShopRecords("Product").Count);

        await app.RestartAsync();
        var rerun = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.Equal(0, rerun.Created);
        Assert.Equal(2, app.ShopRecords("Product").Count);
        Assert.All(app.Products.Records, product => Assert.NotEmpty(app.Links.GetLinksAsync("Product", product.Id).Result));
    }

    [Fact]
    public async Task A_crash_after_a_host_create_and_before_the_link_is_saved_is_not_created_twice()
    {
        await using var app = await EngineHarness.StartAsync();
        app.SeedShop("Note", new JsonObject { ["Text"] = "from the shop" });
        app.SeedShop("Customer", new JsonObject { ["Email"] = "ada@example.com", ["Name"] = "Ada" });
        app.CrashBeforeNextCommit();
        await Assert.ThrowsAsync<IOException>(() => app.Talk.Notes.SyncAsync());
        app.CrashBeforeNextCommit();
        await Assert.ThrowsAsync<IOException>(() => app.Talk.Customers.SyncAsync());
        Assert.Single(app.Notes.Records);
        Assert.Single(app.Customers.Records);

        await app.RestartAsync();
        await app.Talk.Notes.SyncAsync();
        await app.Talk.Customers.SyncAsync();

        Assert.Single(app.Notes.Records);
        Assert.Single(app.Customers.Records);
        Assert.Single(await app.Talk.Notes.GetLinksAsync(app.Notes.Records[0].Id));
        Assert.Single(await app.Talk.Customers.GetLinksAsync(app.Customers.Records[0].Id));
        Assert.Single(app.ShopRecords("Note"));
        Assert.Single(app.ShopRecords("Customer"));
    }

    [Fact]
    public async Task Records_on_both_sides_with_the_same_match_key_are_linked_not_duplicated()
    {
        await using var app = await EngineHarness.StartAsync();
        app.SeedShop("Customer", new JsonObject { ["Email"] = " Ada@Example.com ", ["Name"] = "Ada L." });
        var ada = new Customer { Email = "ada@example.com", Name = "Ada" };
        await app.Customers.SaveAsync(ada, default);

        var report = (await app.Talk.Customers.SyncAsync()).Flows.Single();

        Assert.Equal(0, report.Created);
        Assert.Single(app.Customers.Records);
        Assert.Single(app.ShopRecords("Customer"));
        var link = Assert.Single(await app.Talk.Customers.GetLinksAsync(ada.Id));
        Assert.Equal(SyncLinkProvenance.MatchedOnKey, link.Provenance);
        Assert.Equal("Email", link.MatchKey);
    }

    [Fact]
    public async Task An_ambiguous_match_is_never_linked_and_is_reported()
    {
        await using var app = await EngineHarness.StartAsync();
        app.SeedShop("Customer", new JsonObject { ["Email"] = "twin@example.com", ["Name"] = "Twin A" });
        app.SeedShop("Customer", new JsonObject { ["Email"] = "twin@example.com", ["Name"] = "Twin B" });
        var twin = new Customer { Email = "twin@example.com", Name = "Twin" };
        await app.Customers.SaveAsync(twin, default);

        var report = (await app.Talk.Customers.SyncAsync()).Flows.Single();

        Assert.Empty(await app.Talk.Customers.GetLinksAsync(twin.Id));
        Assert.Equal(2, app.ShopRecords("Customer").Count);
        Assert.Single(app.Customers.Records);
        var quarantine = await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Customer", "Customer"));
        Assert.Equal(report.Quarantined, quarantine.Count);
        Assert.Equal(2, quarantine.Count(entry => entry.Side == SyncSide.Remote));
        var host = Assert.Single(quarantine, entry => entry.Side == SyncSide.Local);
        Assert.Equal(twin.Id, host.RecordId);
        Assert.Contains("matches 2 records by Email", host.Error, StringComparison.Ordinal);
        Assert.Contains("Link it by hand", host.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_record_matching_an_unchanged_host_record_is_linked_not_created_again()
    {
        await using var app = await EngineHarness.StartAsync();
        var known = new Lead { Email = "grace@example.com", Name = "Grace" };
        await app.Leads.SaveAsync(known, default);
        await app.Talk.Leads.SyncAsync(); // the host's cursor moves past the lead; the Shop has none yet

        app.SeedShop("Lead", new JsonObject { ["Email"] = "Grace@Example.com", ["Name"] = "Grace H." });
        app.SeedShop("Lead", new JsonObject { ["Email"] = "alan@example.com", ["Name"] = "Alan" });
        var report = (await app.Talk.Leads.SyncAsync()).Flows.Single();

        Assert.Equal(1, report.Created);
        Assert.Equal(2, app.Leads.Records.Count);
        var link = Assert.Single(await app.Talk.Leads.GetLinksAsync(known.Id));
        Assert.Equal(SyncLinkProvenance.MatchedOnKey, link.Provenance);
        Assert.Equal("Grace H.", known.Name); // the Shop, where leads are born, wins the first contact
    }

    [Fact]
    public async Task A_host_record_whose_reference_is_not_linked_yet_still_claims_its_match_key()
    {
        await using var app = await EngineHarness.StartAsync();
        var ada = new Customer { Email = "ada@example.com", Name = "Ada" };
        await app.Customers.SaveAsync(ada, default);
        var order = new Order { Number = "SO-1", CustomerId = ada.Id, OrderDate = new DateOnly(2026, 12, 1) };
        await app.Orders.SaveAsync(order, default);
        app.SeedShop("Order", new JsonObject { ["Number"] = "SO-1", ["OrderDate"] = "2026-12-01" });

        // Ada is not in the Shop yet, so the host order cannot be sent; the Shop's SO-1 waits for it instead of
        // becoming a second host order.
        var waiting = (await app.Talk.Orders.SyncAsync()).Flows.Single();
        Assert.Equal(0, waiting.Created);
        Assert.Single(app.Orders.Records);

        await app.Talk.Customers.SyncAsync();
        var linked = (await app.Talk.Orders.SyncAsync()).Flows.Single();

        Assert.Equal(0, linked.Created);
        Assert.Single(app.Orders.Records);
        Assert.Single(app.ShopRecords("Order"));
        var link = Assert.Single(await app.Talk.Orders.GetLinksAsync(order.Id));
        Assert.Equal(SyncLinkProvenance.MatchedOnKey, link.Provenance);
        Assert.DoesNotContain(await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Order", "Order")), entry => !entry.IsReleased);
    }

    [Fact]
    public async Task A_crash_after_a_units_intents_and_before_its_creates_leaves_every_record_once_both_ways()
    {
        await using var app = await EngineHarness.StartAsync();
        for (var i = 1; i <= 250; i++)
        {
            await app.Memos.SaveAsync(new Memo { Text = $"memo {i}" }, default);
            app.SeedShop("Note", new JsonObject { ["Text"] = $"note {i}" });
        }

        app.CrashAfterNextIntents();
        await Assert.ThrowsAsync<IOException>(() => app.Talk.Memos.SyncAsync());
        app.CrashAfterNextIntents();
        await Assert.ThrowsAsync<IOException>(() => app.Talk.Notes.SyncAsync());
        Assert.Empty(app.ShopRecords("Memo"));
        Assert.Empty(app.Notes.Records);
        Assert.NotEmpty(await app.Links.ListOpenIntentsAsync(EngineHarness.Flow("Memo", "Memo")));
        Assert.NotEmpty(await app.Links.ListOpenIntentsAsync(EngineHarness.Flow("Note", "Note")));

        await app.RestartAsync();
        var memos = (await app.Talk.Memos.SyncAsync()).Flows.Single();
        var notes = (await app.Talk.Notes.SyncAsync()).Flows.Single();

        Assert.False(memos.Stopped, memos.StopReason);
        Assert.False(notes.Stopped, notes.StopReason);
        Assert.Equal(250, app.ShopRecords("Memo").Select(memo => (string?)memo.Fields["Text"]).Distinct().Count());
        Assert.Equal(250, app.ShopRecords("Memo").Count);
        Assert.Equal(250, app.Notes.Records.Select(note => note.Text).Distinct().Count());
        Assert.Equal(250, app.ShopRecords("Note").Count);
        Assert.Empty(await app.Links.ListOpenIntentsAsync(EngineHarness.Flow("Memo", "Memo")));
        Assert.Empty(await app.Links.ListOpenIntentsAsync(EngineHarness.Flow("Note", "Note")));
    }

    [Fact]
    public async Task A_crash_between_a_units_creates_and_its_commit_repeats_only_that_unit_without_duplicates()
    {
        // Units of 100 host changes (the default is 1,000), so the 250 memos make three units.
        await using var app = await EngineHarness.StartAsync(options => options.Flows["Memo"] = new SyncFlowOptions { BatchSize = 100 });
        for (var i = 1; i <= 250; i++)
        {
            await app.Memos.SaveAsync(new Memo { Text = $"memo {i}" }, default);
        }

        app.CrashBeforeNextCommit();
        await Assert.ThrowsAsync<IOException>(() => app.Talk.Memos.SyncAsync());
        var createdBeforeTheCrash = app.ShopRecords("Memo").Count;
        Assert.InRange(createdBeforeTheCrash, 1, 249);

        await app.RestartAsync();
        var rerun = (await app.Talk.Memos.SyncAsync()).Flows.Single();

        Assert.False(rerun.Stopped, rerun.StopReason);
        Assert.Equal(250 - createdBeforeTheCrash, rerun.Created);
        Assert.Equal(250, app.ShopRecords("Memo").Count);
        Assert.Equal(250, app.ShopRecords("Memo").Select(memo => (string?)memo.Fields["Text"]).Distinct().Count());
        Assert.Equal(250, await app.Links.CountLinksAsync(EngineHarness.Flow("Memo", "Memo")));
        Assert.Empty(await app.Links.ListOpenIntentsAsync(EngineHarness.Flow("Memo", "Memo")));
    }
}
