using System.Text.Json.Nodes;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>The Exact Online <see cref="ISyncConnector"/> against the emulated division: sync API pages, tombstones, search, writes, lines.</summary>
public class ExactOnlineSyncConnectorTests
{
    private static readonly FieldListMapper Accounts = new("ExactOnline", "Accounts", "Name", "City");

    [Fact]
    public async Task Sync_pages_carry_a_cursor_that_resumes_after_the_last_timestamp_read()
    {
        await using var company = await ExactOnlineCompany.StartAsync(options => options.SyncPageSize = 100);
        for (var i = 0; i < 250; i++)
        {
            company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = $"Account {i:D3}" });
        }

        var pages = await company.Connector.ReadChangesAsync(Accounts, null, CancellationToken.None).ToListAsync();
        var resumed = await company.Connector.ReadChangesAsync(Accounts, pages[0].Cursor, CancellationToken.None).ToListAsync();
        var atEnd = await company.Connector.ReadChangesAsync(Accounts, pages[^1].Cursor, CancellationToken.None).ToListAsync();

        Assert.Equal([100, 100, 50], pages.Select(p => p.Records.Count));
        Assert.Equal(pages.Skip(1).SelectMany(p => p.Records).Select(r => r.Id), resumed.SelectMany(p => p.Records).Select(r => r.Id));
        Assert.Equal(250, pages.SelectMany(p => p.Records).Select(r => r.Id).Distinct().Count());
        Assert.Equal($"{company.Emulator.GetTimestamp("Accounts", Guid.Parse(pages[0].Records[^1].Id!))}/0", pages[0].Cursor);
        Assert.Empty(atEnd);
        Assert.Equal("Account 249", pages[^1].Records[^1]["Name"].AsString());
    }

    [Fact]
    public async Task Deletions_of_the_type_come_as_tombstones_and_other_types_deletions_only_move_the_cursor()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var acme = company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });
        company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Beta" });
        var item = company.Emulator.Seed("Items", new JsonObject { ["Code"] = "HAM", ["Description"] = "Hammer" });
        var cursor = (await company.Connector.ReadChangesAsync(Accounts, null, CancellationToken.None).LastAsync()).Cursor;

        company.Emulator.Delete("Items", item);
        company.Emulator.Delete("Accounts", acme);
        var pages = await company.Connector.ReadChangesAsync(Accounts, cursor, CancellationToken.None).ToListAsync();
        var again = await company.Connector.ReadChangesAsync(Accounts, pages[^1].Cursor, CancellationToken.None).ToListAsync();

        var tombstone = Assert.Single(Assert.Single(pages).Records);
        Assert.True(tombstone.IsDeleted);
        Assert.Equal(acme.ToString(), tombstone.Id);
        Assert.Equal("Accounts", tombstone.Type);
        Assert.Empty(again);
        Assert.Null(await company.Connector.GetAsync(Accounts, acme.ToString(), CancellationToken.None));
        Assert.True(company.Connector.GetCapabilities("Accounts").ReportsDeletions);
    }

    [Fact]
    public async Task Search_joins_the_values_with_or_in_one_filter()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        foreach (var name in (string[])["Acme", "Beta", "O'Neill", "Delta"])
        {
            company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = name, ["City"] = "Oslo" });
        }

        company.Emulator.ResetCallCounts();
        var two = await company.Connector.SearchAsync(Accounts, "Name", [SyncValue.From("Acme"), SyncValue.From("O'Neill"), SyncValue.From("Nobody")], CancellationToken.None);
        var none = await company.Connector.SearchAsync(Accounts, "Name", [SyncValue.From("Nobody")], CancellationToken.None);

        Assert.Equal(["Acme", "O'Neill"], two.Select(r => r["Name"].AsString()).Order());
        Assert.All(two, r => Assert.Equal("Oslo", r["City"].AsString()));
        Assert.Empty(none);
        Assert.Equal(2, company.Emulator.CallCount(ExactOnlineEndpoint.List));
    }

    [Fact]
    public async Task Padded_codes_and_countries_are_read_trimmed_and_found_by_their_trimmed_value()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var mapper = new FieldListMapper("ExactOnline", "Accounts", "Code", "Name", "Country");
        var created = await company.Connector.CreateAsync(mapper, [new RemoteCreate(new SyncRecord("Accounts") { ["Code"] = SyncValue.From("C-1001"), ["Name"] = SyncValue.From("Acme"), ["Country"] = SyncValue.From("NL") }, "key-1")], CancellationToken.None);
        var id = Assert.Single(created).Id!;

        var stored = company.Emulator.GetRecord("Accounts", Guid.Parse(id))!;
        var read = await company.Connector.GetAsync(mapper, id, CancellationToken.None);
        var found = await company.Connector.SearchAsync(mapper, "Code", [SyncValue.From("C-1001")], CancellationToken.None);

        Assert.Equal("            C-1001", (string?)stored["Code"]); // Exact keeps it right-aligned in 18 characters
        Assert.Equal("C-1001", read!["Code"].AsString());
        Assert.Equal("NL", read["Country"].AsString());
        Assert.Equal(id, Assert.Single(found).Id);
        Assert.Equal("C-1001", found[0]["Code"].AsString());
    }

    [Fact]
    public async Task Writes_go_one_record_a_call_and_a_delete_of_a_record_already_gone_succeeds()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var creates = Enumerable.Range(0, 5).Select(i => new RemoteCreate(new SyncRecord("Accounts") { ["Name"] = SyncValue.From($"New {i}") }, $"k{i}")).ToList();

        var created = await company.Connector.CreateAsync(Accounts, creates, CancellationToken.None);
        var ids = created.Select(r => r.Id!).ToList();
        var updated = await company.Connector.UpdateAsync(Accounts, [.. ids.Skip(2).Select(id => new SyncRecord("Accounts", id) { ["City"] = SyncValue.From("Bergen") })], CancellationToken.None);
        company.Emulator.Delete("Accounts", Guid.Parse(ids[0]));
        var deleted = await company.Connector.DeleteAsync(Accounts, [.. ids.Take(3)], CancellationToken.None);

        Assert.All(created.Concat(updated).Concat(deleted), r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal(5, company.Emulator.CallCount(ExactOnlineEndpoint.Create));
        Assert.Equal(3, company.Emulator.CallCount(ExactOnlineEndpoint.Update));
        Assert.Equal(3, company.Emulator.CallCount(ExactOnlineEndpoint.Delete));
        Assert.Null(company.Emulator.GetRecord("Accounts", Guid.Parse(ids[0])));
        Assert.Equal("Bergen", company.Emulator.GetRecord("Accounts", Guid.Parse(ids[3]))!["City"]!.GetValue<string>());
        Assert.Equal("New 4", company.Emulator.GetRecord("Accounts", Guid.Parse(ids[4]))!["Name"]!.GetValue<string>());
        Assert.Equal(2, company.Emulator.GetRecords("Accounts").Count);
        Assert.Equal(ids, deleted.Select(r => r.Id).Concat(ids.Skip(3)));
    }

    [Fact]
    public async Task A_refused_record_fails_with_the_field_exact_names_while_the_others_are_written()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        SyncRecord Account(string name, string code) => new("Accounts") { ["Name"] = SyncValue.From(name), ["Code"] = SyncValue.From(code) };

        var results = await company.Connector.CreateAsync(Accounts, [new(Account("Acme", "1"), "a"), new(Account("Long", new string('9', 19)), "b"), new(Account("Beta", "2"), "c")], CancellationToken.None);

        Assert.True(results[0].Succeeded, results[0].Error?.ToString());
        Assert.True(results[2].Succeeded);
        Assert.Null(results[1].Id);
        Assert.Equal("400", results[1].Error!.Code);
        Assert.StartsWith("Code: Value is too long", results[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(["Code"], results[1].Error!.Fields);
        Assert.Equal(["Acme", "Beta"], company.Emulator.GetRecords("Accounts").Select(a => a["Name"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Capabilities_say_one_record_a_call_and_no_idempotency_keys()
    {
        await using var company = await ExactOnlineCompany.StartAsync();

        Assert.Equal(new ConnectorCapabilities(true, true, true, false, true, 1), company.Connector.GetCapabilities("SalesOrders"));
        Assert.False(company.Connector.GetCapabilities("GLAccounts").ReportsDeletions);
        Assert.IsType<ExactOnlineSyncConnector>(company.Connector);
    }

    [Fact]
    public async Task Api_calls_are_counted_at_the_wire_and_usage_follows_the_daily_limit_headers()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });
        Assert.Null(company.Connector.Usage);

        await company.Connector.ReadChangesAsync(Accounts, null, CancellationToken.None).ToListAsync();
        await company.Connector.SearchAsync(Accounts, "Name", [SyncValue.From("Acme")], CancellationToken.None);

        var apiCalls = company.Emulator.CallCounts.Where(c => c.Key != ExactOnlineEndpoint.Token).Sum(c => c.Value);
        Assert.Equal(4, apiCalls);
        Assert.Equal(apiCalls, company.Connector.ApiCalls);
        Assert.Equal(5_000, company.Connector.Usage!.Limit);
        Assert.Equal(apiCalls, company.Connector.Usage.Used);
    }

    [Fact]
    public async Task An_exhausted_daily_quota_throws_the_quota_exception()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        company.Emulator.SetRateLimitUsage(minutely: 0, daily: 5_000);

        var error = await Assert.ThrowsAsync<SyncQuotaExhaustedException>(() => company.Connector.ReadChangesAsync(Accounts, null, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal("Exact Online", error.System);
    }

    [Fact]
    public async Task Sales_orders_are_created_with_their_lines_read_back_with_them_and_lines_updated_through_the_lines_set()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var customer = company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });
        var hammer = company.Emulator.Seed("Items", new JsonObject { ["Code"] = "HAM", ["Description"] = "Hammer" });
        var lines = new FieldListMapper("ExactOnline", "SalesOrderLines", "Item", "Quantity");
        var orders = new FieldListMapper("ExactOnline", "SalesOrders", "OrderedBy", "Description").WithChildren("SalesOrderLines", "OrderID", lines);
        SyncRecord Line(int quantity) => new("SalesOrderLines") { ["Item"] = SyncValue.From(hammer), ["Quantity"] = SyncValue.From(quantity) };
        var order = new SyncRecord("SalesOrders") { ["OrderedBy"] = SyncValue.From(customer), ["SalesOrderLines"] = SyncValue.From([Line(1), Line(2)]) };
        var other = new SyncRecord("SalesOrders") { ["OrderedBy"] = SyncValue.From(customer), ["SalesOrderLines"] = SyncValue.From([Line(7)]) };

        var created = await company.Connector.CreateAsync(orders, [new(order, "a"), new(other, "b")], CancellationToken.None);
        var sent = order["SalesOrderLines"].AsRecords()!;
        var read = (await company.Connector.ReadChangesAsync(orders, null, CancellationToken.None).SingleAsync()).Records.Single(r => r.Id == created[0].Id);
        var update = new SyncRecord("SalesOrders", created[0].Id)
        {
            ["Description"] = SyncValue.From("Changed"),
            ["SalesOrderLines"] = SyncValue.From(
            [
                new SyncRecord("SalesOrderLines", sent[0].Id) { ["Quantity"] = SyncValue.From(5) },
                Line(3),
                new SyncRecord("SalesOrderLines", sent[1].Id) { IsDeleted = true },
            ]),
        };
        var updated = Assert.Single(await company.Connector.UpdateAsync(orders, [update], CancellationToken.None));
        var after = await company.Connector.GetAsync(orders, created[0].Id!, CancellationToken.None);

        Assert.All(created, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal(2, company.Emulator.CallCount(ExactOnlineEndpoint.Create, "SalesOrders"));
        Assert.All(sent, l => Assert.True(Guid.TryParse(l.Id, out _)));
        Assert.Equal(sent.Select(l => l.Id).Order(), read["SalesOrderLines"].AsRecords()!.Select(l => l.Id).Order());
        Assert.Equal(2, company.Emulator.CallCount(ExactOnlineEndpoint.List, "SalesOrderLines")); // one for the change page, one for the get
        Assert.True(updated.Succeeded, updated.Error?.ToString());
        Assert.Equal("Changed", after!["Description"].AsString());
        Assert.Equal([3m, 5m], after["SalesOrderLines"].AsRecords()!.Select(l => l["Quantity"].AsDecimal()!.Value).Order());
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.Delete, "SalesOrderLines"));
    }
}
