using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>What the Exact Online connector tells the engine of the records as Exact stored them: create answers and reads of many.</summary>
public class ExactOnlineStoredRecordTests
{
    private static readonly FieldListMapper Accounts = new("ExactOnline", "Accounts", "Code", "Name", "Country");

    [Fact]
    public async Task A_create_result_carries_the_record_as_exact_stored_it_read_as_a_read_reads_it()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        SyncRecord Account(string name, string? code) => code is null
            ? new("Accounts") { ["Name"] = SyncValue.From(name), ["Country"] = SyncValue.From("NL") }
            : new("Accounts") { ["Name"] = SyncValue.From(name), ["Code"] = SyncValue.From(code), ["Country"] = SyncValue.From("NL") };

        var results = await company.Connector.CreateAsync(Accounts, [new(Account("Acme", "C-1001"), "a"), new(Account("Beta", null), "b")], CancellationToken.None);
        var read = Assert.Single(await company.Connector.GetManyAsync(Accounts, [results[0].Id!], CancellationToken.None));

        var acme = results[0].Stored!;
        Assert.Equal(results[0].Id, acme.Id);
        Assert.Equal("            C-1001", (string?)company.Emulator.GetRecord("Accounts", Guid.Parse(acme.Id!))!["Code"]);
        Assert.Equal("C-1001", acme["Code"].AsString());
        Assert.Equal(read["Code"], acme["Code"]);
        Assert.Equal(read["Country"], acme["Country"]);
        Assert.Equal(read.ModifiedAt, acme.ModifiedAt);
        Assert.Equal(acme.ModifiedAt, results[0].ModifiedAt);
        Assert.Equal("1", results[1].Stored!["Code"].AsString()); // Exact numbers a code left out
    }

    [Fact]
    public async Task A_header_create_result_carries_its_lines_and_an_update_leaves_the_stored_record_to_a_read_back()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var (orders, customer, hammer) = SalesOrders(company);
        var order = new SyncRecord("SalesOrders") { ["OrderedBy"] = SyncValue.From(customer), ["SalesOrderLines"] = SyncValue.From([Line(hammer, 1), Line(hammer, 2)]) };

        var created = Assert.Single(await company.Connector.CreateAsync(orders, [new(order, "a")], CancellationToken.None));
        var updated = Assert.Single(await company.Connector.UpdateAsync(orders, [new SyncRecord("SalesOrders", created.Id) { ["Description"] = SyncValue.From("Changed") }], CancellationToken.None));

        var lines = created.Stored!["SalesOrderLines"].AsRecords()!;
        Assert.Equal(order["SalesOrderLines"].AsRecords()!.Select(l => l.Id), lines.Select(l => l.Id));
        Assert.Equal([1m, 2m], lines.Select(l => l["LineNumber"].AsDecimal()!.Value));
        Assert.Equal([1m, 2m], lines.Select(l => l["Quantity"].AsDecimal()!.Value));
        Assert.True(updated.Succeeded, updated.Error?.ToString());
        Assert.Null(updated.Stored);
    }

    [Fact]
    public async Task Many_records_are_read_with_their_lines_in_one_filter_for_the_headers_and_one_for_the_lines()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var (orders, customer, hammer) = SalesOrders(company);
        var creates = Enumerable.Range(1, 3).Select(i => new RemoteCreate(
            new SyncRecord("SalesOrders") { ["OrderedBy"] = SyncValue.From(customer), ["SalesOrderLines"] = SyncValue.From([Line(hammer, i)]) }, $"k{i}")).ToList();
        var ids = (await company.Connector.CreateAsync(orders, creates, CancellationToken.None)).Select(r => r.Id!).ToList();
        company.Emulator.ResetCallCounts();
        var before = company.Connector.ApiCalls;

        var read = await company.Connector.GetManyAsync(orders, [.. ids, Guid.NewGuid().ToString(), "no-key"], CancellationToken.None);

        Assert.Equal(ids.Order(), read.Select(r => r.Id).Order());
        Assert.All(read, r => Assert.Single(r["SalesOrderLines"].AsRecords()!));
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.List, "SalesOrders"));
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.List, "SalesOrderLines"));
        Assert.Equal(2, company.Connector.ApiCalls - before);
    }

    private static SyncRecord Line(Guid item, int quantity) => new("SalesOrderLines") { ["Item"] = SyncValue.From(item), ["Quantity"] = SyncValue.From(quantity) };

    private static (FieldListMapper Orders, Guid Customer, Guid Item) SalesOrders(ExactOnlineCompany company)
    {
        var customer = company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });
        var hammer = company.Emulator.Seed("Items", new JsonObject { ["Code"] = "HAM", ["Description"] = "Hammer" });
        var lines = new FieldListMapper("ExactOnline", "SalesOrderLines", "Item", "Quantity");
        return (new FieldListMapper("ExactOnline", "SalesOrders", "OrderedBy", "Description").WithChildren("SalesOrderLines", "OrderID", lines), customer, hammer);
    }
}
