using System.Text.Json.Nodes;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>The Salesforce <see cref="ISyncConnector"/> against the emulated org: change pages, tombstones, search, batched writes, children.</summary>
public class SalesforceSyncConnectorTests
{
    private static readonly DateTimeOffset Noon = new(2024, 9, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly FieldListMapper Products = new("Salesforce", "Product2", "Name", "ProductCode");

    private static SyncRecord Product(int i) => new("Product2")
    {
        ["Name"] = SyncValue.From($"Product {i:D3}"),
        ["ProductCode"] = SyncValue.From($"P-{i:D3}"),
    };

    [Fact]
    public async Task A_cursor_in_the_middle_of_one_shared_timestamp_resumes_exactly_after_the_page_edge()
    {
        await using var org = await SalesforceOrg.StartAsync();
        for (var i = 0; i < 2500; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"Same second {i}" }, Noon);
        }

        var pages = await org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).ToListAsync();
        var resumed = await org.Connector.ReadChangesAsync(Products, pages[0].Cursor, CancellationToken.None).ToListAsync();
        var atEnd = await org.Connector.ReadChangesAsync(Products, pages[^1].Cursor, CancellationToken.None).ToListAsync();

        Assert.Equal([2000, 500], pages.Select(p => p.Records.Count));
        Assert.StartsWith("2024-09-10T12:00:00.000+0000/01t", pages[0].Cursor, StringComparison.Ordinal);
        Assert.Equal(pages[0].Records[^1].Id, pages[0].Cursor.Split('/')[1]);
        Assert.Equal(pages[1].Records.Select(r => r.Id), Assert.Single(resumed).Records.Select(r => r.Id));
        Assert.Empty(atEnd);
        Assert.All(pages.SelectMany(p => p.Records), r => Assert.False(r.IsDeleted));
    }

    [Fact]
    public async Task A_record_stamped_behind_the_cursor_by_a_late_commit_is_found_within_the_overlap_and_the_cursor_never_moves_back()
    {
        await using var org = await SalesforceOrg.StartAsync(changeOverlap: TimeSpan.FromMinutes(2));
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Early" }, Noon);
        var cursor = (await org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).SingleAsync()).Cursor;

        // A transaction that began a minute before the read commits after it: its record is stamped behind the cursor.
        var late = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Late commit" }, Noon.AddMinutes(-1));
        var page = await org.Connector.ReadChangesAsync(Products, cursor, CancellationToken.None).SingleAsync();

        Assert.Contains(page.Records, record => record.Id == late);
        Assert.StartsWith(cursor + "|", page.Cursor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_default_overlap_an_edit_in_the_cursors_own_second_to_a_record_with_a_lower_id_is_read()
    {
        await using var org = await SalesforceOrg.StartAsync(changeOverlap: new SalesforceOptions().ChangeOverlap);
        var first = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "First" }, Noon);
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Second" }, Noon);
        var cursor = (await org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).SingleAsync()).Cursor;

        // SystemModstamp keeps whole seconds: the edit sorts before the cursor's (Noon, second id).
        org.Emulator.Edit(first, new JsonObject { ["Name"] = "First, edited" }, Noon);
        var page = await org.Connector.ReadChangesAsync(Products, cursor, CancellationToken.None).SingleAsync();

        Assert.Equal("First, edited", page.Records.Single(record => record.Id == first)["Name"].AsString());
    }

    [Fact]
    public async Task Records_deleted_after_the_cursor_come_as_tombstones_in_feed_order()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var hammer = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Hammer" }, Noon);
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Saw" }, Noon.AddMinutes(1));
        var cursor = (await org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).SingleAsync()).Cursor;

        org.Emulator.Delete(hammer, Noon.AddMinutes(5));
        var page = await org.Connector.ReadChangesAsync(Products, cursor, CancellationToken.None).SingleAsync();
        var gone = await org.Connector.GetAsync(Products, hammer, CancellationToken.None);

        var tombstone = Assert.Single(page.Records);
        Assert.Equal(hammer, tombstone.Id);
        Assert.True(tombstone.IsDeleted);
        Assert.Equal(Noon.AddMinutes(5), tombstone.ModifiedAt);
        Assert.True(gone!.IsDeleted);
        Assert.Equal(3, Query(org));
        Assert.True(org.Connector.GetCapabilities("Product2").ReportsDeletions);
    }

    [Fact]
    public async Task Search_sends_every_value_in_one_IN_query_and_matches_text_case_insensitively()
    {
        await using var org = await SalesforceOrg.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"Product {i}", ["ProductCode"] = $"P-{i:D3}" }, Noon);
        }

        var two = await org.Connector.SearchAsync(Products, "ProductCode", [SyncValue.From("P-001"), SyncValue.From("p-003"), SyncValue.From("NOPE")], CancellationToken.None);
        var none = await org.Connector.SearchAsync(Products, "ProductCode", [SyncValue.From("O'Brien")], CancellationToken.None);

        Assert.Equal(["P-001", "P-003"], two.Select(r => r["ProductCode"].AsString()).Order());
        Assert.All(two, r => Assert.Equal("Product2", r.Type));
        Assert.Empty(none);
        Assert.Equal(2, Query(org));
    }

    [Fact]
    public async Task Thousands_of_search_values_are_split_into_queries_that_fit_the_url_limit()
    {
        await using var org = await SalesforceOrg.StartAsync(options => options.BulkThreshold = 0);
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Last", ["ProductCode"] = "CODE-2999" }, Noon);
        var values = Enumerable.Range(0, 3000).Select(i => SyncValue.From($"CODE-{i}")).ToList();

        var found = await org.Connector.SearchAsync(Products, "ProductCode", values, CancellationToken.None);

        Assert.Equal("Last", Assert.Single(found)["Name"].AsString());
        Assert.InRange(Query(org), 5, 10);
    }

    [Fact]
    public async Task Creates_updates_and_deletes_go_200_records_a_call()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var creates = Enumerable.Range(0, 450).Select(i => new RemoteCreate(Product(i), $"key-{i}")).ToList();

        var created = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);
        var ids = created.Select(r => r.Id!).ToList();
        var updates = ids.Take(250).Select((id, i) => new SyncRecord("Product2", id) { ["Name"] = SyncValue.From($"Renamed {i}") }).ToList();
        var updated = await org.Connector.UpdateAsync(Products, updates, CancellationToken.None);
        org.Emulator.Delete(ids[0]);
        var deleted = await org.Connector.DeleteAsync(Products, ids.Take(201).ToList(), CancellationToken.None);

        Assert.All(created.Concat(updated).Concat(deleted), r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.All(ids, id => Assert.StartsWith("01t", id, StringComparison.Ordinal));
        Assert.Equal(3, org.Emulator.CallCount(SalesforceEndpoint.CollectionCreate));
        Assert.Equal(2, org.Emulator.CallCount(SalesforceEndpoint.CollectionUpdate));
        Assert.Equal(2, org.Emulator.CallCount(SalesforceEndpoint.CollectionDelete));
        Assert.Equal("Renamed 249", org.Emulator.GetRecord(ids[249])!["Name"]!.GetValue<string>());
        Assert.Equal(ids[0], deleted[0].Id);
        Assert.Equal(249, org.Emulator.GetRecords("Product2").Count);
    }

    [Fact]
    public async Task A_refused_record_fails_with_salesforce_code_and_field_while_the_others_are_written()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var nameless = new SyncRecord("Product2") { ["ProductCode"] = SyncValue.From("NO-NAME") };

        var results = await org.Connector.CreateAsync(Products, [new(Product(1), "a"), new(nameless, "b"), new(Product(2), "c")], CancellationToken.None);

        Assert.True(results[0].Succeeded);
        Assert.True(results[2].Succeeded);
        var error = results[1].Error!;
        Assert.Equal("REQUIRED_FIELD_MISSING", error.Code);
        Assert.Contains("Name", error.Fields);
        Assert.Contains("Name", error.Message, StringComparison.Ordinal);
        Assert.Null(results[1].Id);
        Assert.Equal(2, org.Emulator.GetRecords("Product2").Count);
        Assert.Equal(1, org.Emulator.CallCount(SalesforceEndpoint.CollectionCreate));
    }

    [Fact]
    public async Task A_create_is_sent_as_given_constants_being_the_engines_to_apply()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var mapper = new FieldListMapper("Salesforce", "Product2", "Name") { Constants = [new SyncConstant { Field = "Family", Value = SyncValue.From("Hardware") }] };

        var result = Assert.Single(await org.Connector.CreateAsync(mapper, [new(new SyncRecord("Product2") { ["Name"] = SyncValue.From("Hammer") }, "k")], CancellationToken.None));

        var stored = org.Emulator.GetRecord(result.Id!)!;
        Assert.Equal("Hammer", stored["Name"]!.GetValue<string>());
        Assert.Null(stored["Family"]);
    }

    [Fact]
    public async Task Standard_invoices_cannot_be_created_and_collections_take_200_or_a_bulk_job_its_batch_size()
    {
        await using var org = await SalesforceOrg.StartAsync(options => options.BulkThreshold = 0);
        await using var bulk = await SalesforceOrg.StartAsync(options => options.BulkBatchSize = 5_000);

        var invoice = org.Connector.GetCapabilities("Invoice");
        var product = org.Connector.GetCapabilities("Product2");

        Assert.False(invoice.CanCreate);
        Assert.False(invoice.CanDelete);
        Assert.True(invoice.CanUpdate);
        Assert.Equal(new ConnectorCapabilities(true, true, true, false, true, 200), product);
        Assert.Equal(new ConnectorCapabilities(true, true, true, false, true, 5_000), bulk.Connector.GetCapabilities("Product2"));
        Assert.False(org.Connector.GetCapabilities("Division").CanDelete);
    }

    [Fact]
    public async Task Api_calls_are_counted_at_the_wire_and_usage_follows_the_limit_header()
    {
        await using var org = await SalesforceOrg.StartAsync();
        Assert.Null(org.Connector.Usage);
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Hammer" }, Noon);

        await org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).ToListAsync();
        await org.Connector.CreateAsync(Products, [new(Product(1), "k")], CancellationToken.None);

        var apiCalls = org.Emulator.CallCounts.Where(c => c.Key != SalesforceEndpoint.Token).Sum(c => c.Value);
        Assert.Equal(3, apiCalls);
        Assert.Equal(apiCalls, org.Connector.ApiCalls);
        Assert.Equal(org.Emulator.ApiUsage, org.Connector.Usage!.Used);
        Assert.Equal(15_000, org.Connector.Usage.Limit);
    }

    [Fact]
    public async Task An_exhausted_daily_quota_throws_the_quota_exception()
    {
        await using var org = await SalesforceOrg.StartAsync();
        org.Emulator.SetApiUsage(15_000);

        var error = await Assert.ThrowsAsync<SyncQuotaExhaustedException>(() => org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal("Salesforce", error.System);
    }

    [Fact]
    public async Task Orders_are_created_with_their_items_and_read_back_with_them()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var (account, pricebook, entry) = OrderSeed.In(org);
        var items = OrderSeed.Items;
        var orders = new FieldListMapper("Salesforce", "Order", "AccountId", "EffectiveDate", "Status", "Pricebook2Id").WithChildren("OrderItems", "OrderId", items);
        SyncRecord Item(int quantity) => new("OrderItem") { ["PricebookEntryId"] = SyncValue.From(entry), ["Quantity"] = SyncValue.From(quantity), ["UnitPrice"] = SyncValue.From(10m) };
        SyncRecord Order(params SyncRecord[] lines) => new("Order")
        {
            ["AccountId"] = SyncValue.From(account),
            ["EffectiveDate"] = SyncValue.From(new DateOnly(2024, 9, 10)),
            ["Status"] = SyncValue.From("Draft"),
            ["Pricebook2Id"] = SyncValue.From(pricebook),
            ["OrderItems"] = SyncValue.From(lines),
        };
        var first = Order(Item(1), Item(2));
        var second = Order(Item(3));
        org.Emulator.ResetCallCounts();

        var results = await org.Connector.CreateAsync(orders, [new(first, "a"), new(second, "b")], CancellationToken.None);
        var pages = await org.Connector.ReadChangesAsync(orders, null, CancellationToken.None).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal(2, org.Emulator.CallCount(SalesforceEndpoint.CollectionCreate));
        var firstItems = first["OrderItems"].AsRecords()!;
        Assert.All(firstItems, i => Assert.StartsWith("802", i.Id, StringComparison.Ordinal));
        var read = Assert.Single(pages).Records.Single(r => r.Id == results[0].Id);
        Assert.Equal(firstItems.Select(i => i.Id).Order(), read["OrderItems"].AsRecords()!.Select(i => i.Id).Order());
        Assert.Equal([1m, 2m], read["OrderItems"].AsRecords()!.Select(i => i["Quantity"].AsDecimal()!.Value).Order());
        Assert.Equal(results[0].Id, read["OrderItems"].AsRecords()![0]["OrderId"].AsString());

        // An update writes the items it carries and deletes those marked deleted, each kind in one collection call.
        org.Emulator.ResetCallCounts();
        var update = new SyncRecord("Order", results[0].Id)
        {
            ["OrderItems"] = SyncValue.From([new SyncRecord("OrderItem", firstItems[0].Id) { ["Quantity"] = SyncValue.From(5) }, new SyncRecord("OrderItem", firstItems[1].Id) { IsDeleted = true }, Item(7)]),
        };
        var updated = Assert.Single(await org.Connector.UpdateAsync(orders, [update], CancellationToken.None));
        var after = await org.Connector.GetAsync(orders, results[0].Id!, CancellationToken.None);

        Assert.True(updated.Succeeded, updated.Error?.ToString());
        Assert.Equal([5m, 7m], after!["OrderItems"].AsRecords()!.Select(i => i["Quantity"].AsDecimal()!.Value).Order());
        Assert.True(org.Emulator.IsDeleted(firstItems[1].Id!));
        Assert.Equal(1, org.Emulator.CallCount(SalesforceEndpoint.CollectionDelete));
    }

    [Fact]
    public async Task A_refused_item_fails_its_order_with_the_order_id_so_the_order_is_not_created_twice()
    {
        await using var org = await SalesforceOrg.StartAsync();
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme" });
        var items = new FieldListMapper("Salesforce", "OrderItem", "Quantity");
        var orders = new FieldListMapper("Salesforce", "Order", "AccountId", "EffectiveDate", "Status").WithChildren("OrderItems", "OrderId", items);
        var order = new SyncRecord("Order")
        {
            ["AccountId"] = SyncValue.From(account),
            ["EffectiveDate"] = SyncValue.From(new DateOnly(2024, 9, 10)),
            ["Status"] = SyncValue.From("Draft"),
            ["OrderItems"] = SyncValue.From([new SyncRecord("OrderItem") { ["Quantity"] = SyncValue.From(1) }]),
        };

        var result = Assert.Single(await org.Connector.CreateAsync(orders, [new(order, "a")], CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.StartsWith("801", result.Id, StringComparison.Ordinal);
        Assert.Equal("REQUIRED_FIELD_MISSING", result.Error!.Code);
    }

    [Fact]
    public async Task The_connector_is_registered_for_the_engine_to_find_by_system_name()
    {
        await using var org = await SalesforceOrg.StartAsync();

        Assert.IsType<SesamTalk.Connectors.Salesforce.SalesforceSyncConnector>(org.Connector);
    }

    private static int Query(SalesforceOrg org) => org.Emulator.CallCount(SalesforceEndpoint.Query);
}
