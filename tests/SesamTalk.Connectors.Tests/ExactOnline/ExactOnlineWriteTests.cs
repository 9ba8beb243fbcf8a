using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>The connector's writes against the emulated division: deep insert, update, delete, refusals, faults.</summary>
public class ExactOnlineWriteTests
{
    [Fact]
    public async Task A_sales_order_is_created_with_its_lines_in_one_call_and_comes_back_with_keys_and_numbers()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var customer = company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });
        var hammer = company.Emulator.Seed("Items", new JsonObject { ["Code"] = "HAM", ["Description"] = "Hammer" });
        var nails = company.Emulator.Seed("Items", new JsonObject { ["Code"] = "NAIL", ["Description"] = "Nails" });
        var order = new SyncRecord("SalesOrders")
        {
            ["OrderedBy"] = SyncValue.From(customer),
            ["OrderDate"] = SyncValue.From(new DateOnly(2024, 9, 10)),
            ["Description"] = SyncValue.From("Webshop order 1001"),
            ["SalesOrderLines"] = SyncValue.From([Line(hammer, 2, 12.5m), Line(nails, 100, 0.05m)]),
        };

        var created = await company.Client.CreateAsync(ExactOnlineEntitySet.SalesOrders, order);

        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.Create));
        Assert.Equal(created.Id, order.Id);
        Assert.True(Guid.TryParse(order.Id, out var key));
        Assert.Equal(1, created["OrderNumber"].AsInt32());
        Assert.Equal(new DateTimeOffset(2024, 9, 10, 0, 0, 0, TimeSpan.Zero), created["OrderDate"].AsDateTimeOffset());
        var lines = created["SalesOrderLines"].AsRecords()!;
        Assert.Equal([1, 2], lines.Select(l => l["LineNumber"].AsInt32()!.Value));
        Assert.All(lines, l => Assert.Equal("SalesOrderLines", l.Type));
        Assert.All(lines, l => Assert.True(Guid.TryParse(l.Id, out _)));
        Assert.Equal(0.05m, lines[1]["UnitPrice"].AsDecimal());
        Assert.Equal("Acme", company.Emulator.GetRecord("SalesOrders", key)!["OrderedByName"]!.GetValue<string>());
        Assert.Equal(2, company.Emulator.GetRecords("SalesOrderLines").Count);
    }

    [Fact]
    public async Task An_update_writes_the_fields_sent_and_leaves_the_others()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var key = company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme", ["City"] = "Oslo" });
        var since = new DateTimeOffset(2019, 5, 1, 8, 30, 0, TimeSpan.FromHours(2));

        await company.Client.UpdateAsync(ExactOnlineEntitySet.Accounts, new SyncRecord("Accounts", key.ToString())
        {
            ["Name"] = SyncValue.From("Acme Ltd"),
            ["EstablishedDate"] = SyncValue.From(since),
            ["Email"] = SyncValue.Null,
        });
        var acme = await company.Client.GetAsync(ExactOnlineEntitySet.Accounts, key.ToString(), ["Name", "City", "EstablishedDate"]);

        Assert.Equal("Acme Ltd", acme!["Name"].AsString());
        Assert.Equal("Oslo", acme["City"].AsString());
        Assert.Equal(since, acme["EstablishedDate"].AsDateTimeOffset());
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.Update));
    }

    [Fact]
    public async Task A_delete_removes_the_header_with_its_lines_and_a_second_delete_finds_it_gone()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var customer = company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });
        var item = company.Emulator.Seed("Items", new JsonObject { ["Code"] = "HAM", ["Description"] = "Hammer" });
        var order = company.Emulator.Seed("SalesOrders", new JsonObject
        {
            ["OrderedBy"] = customer.ToString(),
            ["SalesOrderLines"] = new JsonArray(new JsonObject { ["Item"] = item.ToString(), ["Quantity"] = 1 }),
        });

        var first = await company.Client.DeleteAsync(ExactOnlineEntitySet.SalesOrders, order.ToString());
        var second = await company.Client.DeleteAsync(ExactOnlineEntitySet.SalesOrders, order.ToString());

        Assert.True(first);
        Assert.False(second);
        Assert.Null(company.Emulator.GetRecord("SalesOrders", order));
        Assert.Empty(company.Emulator.GetRecords("SalesOrderLines"));
    }

    [Fact]
    public async Task A_refused_create_carries_exacts_message_and_the_entity_set()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var item = company.Emulator.Seed("Items", new JsonObject { ["Code"] = "HAM", ["Description"] = "Hammer" });
        var order = new SyncRecord("SalesOrders") { ["SalesOrderLines"] = SyncValue.From([Line(item, 1, 10m)]) };

        var error = await Assert.ThrowsAsync<ExactOnlineApiException>(() => company.Client.CreateAsync(ExactOnlineEntitySet.SalesOrders, order));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("Mandatory: OrderedBy", error.RemoteMessage);
        Assert.Equal("SalesOrders", error.RecordType);
        Assert.Contains("Mandatory: OrderedBy", error.Message, StringComparison.Ordinal);
        Assert.Null(order.Id);
    }

    [Fact]
    public async Task A_refused_update_names_the_record()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var key = company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });

        var error = await Assert.ThrowsAsync<ExactOnlineApiException>(() =>
            company.Client.UpdateAsync(ExactOnlineEntitySet.Accounts, new SyncRecord("Accounts", key.ToString()) { ["Name"] = SyncValue.Null }));

        Assert.Equal("Mandatory: Name", error.RemoteMessage);
        Assert.Equal(key.ToString(), error.RecordId);
        Assert.Contains(key.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throttled_create_is_retried_because_429_means_nothing_was_written()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        company.Emulator.Inject(ExactOnlineFault.TooManyRequests(TimeSpan.FromSeconds(2)).On(ExactOnlineEndpoint.Create).Times(2));

        await company.Client.CreateAsync(ExactOnlineEntitySet.Accounts, new SyncRecord("Accounts") { ["Name"] = SyncValue.From("Acme") });

        Assert.Single(company.Emulator.GetRecords("Accounts"));
        Assert.Equal(3, company.Emulator.CallCount(ExactOnlineEndpoint.Create));
        Assert.Equal(TimeSpan.FromSeconds(4), company.Clock.Waited);
    }

    [Fact]
    public async Task A_create_whose_response_is_lost_is_not_repeated_so_no_duplicate_is_made()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        company.Emulator.Inject(ExactOnlineFault.LoseResponse().On(ExactOnlineEndpoint.Create));

        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            company.Client.CreateAsync(ExactOnlineEntitySet.Accounts, new SyncRecord("Accounts") { ["Name"] = SyncValue.From("Acme") }));

        Assert.Single(company.Emulator.GetRecords("Accounts"));
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.Create));
    }

    [Fact]
    public async Task A_create_answered_503_is_retried_because_503_means_nothing_was_written_and_makes_one_record()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        company.Emulator.Inject(ExactOnlineFault.ServiceUnavailable().On(ExactOnlineEndpoint.Create));

        var created = await company.Client.CreateAsync(ExactOnlineEntitySet.Accounts, new SyncRecord("Accounts") { ["Name"] = SyncValue.From("Acme") });

        Assert.Single(company.Emulator.GetRecords("Accounts"));
        Assert.NotNull(company.Emulator.GetRecord("Accounts", Guid.Parse(created.Id!)));
        Assert.Equal(2, company.Emulator.CallCount(ExactOnlineEndpoint.Create));
    }

    [Fact]
    public async Task A_create_answered_500_is_not_repeated_because_it_may_have_been_written()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        company.Emulator.Inject(ExactOnlineFault.ServerError(500).On(ExactOnlineEndpoint.Create));

        var error = await Assert.ThrowsAsync<ExactOnlineApiException>(() =>
            company.Client.CreateAsync(ExactOnlineEntitySet.Accounts, new SyncRecord("Accounts") { ["Name"] = SyncValue.From("Acme") }));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.Create));
    }

    private static SyncRecord Line(Guid item, decimal quantity, decimal price) => new("SalesOrderLines")
    {
        ["Item"] = SyncValue.From(item),
        ["Quantity"] = SyncValue.From(quantity),
        ["UnitPrice"] = SyncValue.From(price),
    };
}
