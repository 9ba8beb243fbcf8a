using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.ExactOnline;

public sealed class SyncTests
{
    [Fact]
    public async Task SyncPagesByTimestampAndAChangedRowComesBackLater()
    {
        await using var division = await TestDivision.StartAsync(o => o.SyncPageSize = 3);
        var keys = Enumerable.Range(0, 5).Select(i => division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = $"A{i}" })).ToList();
        var path = $"{division.Root}/sync/CRM/Accounts?$select=Timestamp,ID,Name&$filter=Timestamp gt 1";

        var first = await division.GetAsync(path);
        division.Emulator.Edit("Accounts", keys[0], new JsonObject { ["Name"] = "A0 changed" });
        var second = await division.GetAsync(first.Next!);
        var highest = second.Results.Max(r => (long)r!["Timestamp"]!);
        var nothingNew = await division.GetAsync($"{division.Root}/sync/CRM/Accounts?$select=ID&$filter=Timestamp gt {highest}");

        Assert.Equal(3, first.Results.Count);
        Assert.Matches(@"sync/CRM/Accounts\?\$select=Timestamp%2CID%2CName&\$filter=Timestamp%20gt%201&\$skiptoken=\d+L$", first.Next);
        var timestamps = first.Results.Concat(second.Results).Select(r => (long)r!["Timestamp"]!).ToList();
        Assert.Equal(timestamps.Order(), timestamps);
        Assert.Equal(["A3", "A4", "A0 changed"], second.Results.Select(r => (string)r!["Name"]!));
        Assert.Null(second.Next);
        Assert.Empty(nothingNew.Results);
        Assert.Equal(highest, division.Emulator.GetTimestamp("Accounts", keys[0]));
        Assert.Equal(["__metadata", "Timestamp", "ID", "Name"], first.Results[0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task SyncServesHeadersAndLinesSeparately()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();
        division.Emulator.Seed("SalesOrders", new JsonObject
        {
            ["OrderedBy"] = account.ToString(),
            ["SalesOrderLines"] = new JsonArray(new JsonObject { ["Item"] = item.ToString() }, new JsonObject { ["Item"] = item.ToString() }),
        });

        var headers = await division.GetAsync($"{division.Root}/sync/SalesOrder/SalesOrderHeaders?$select=OrderID,Timestamp");
        var lines = await division.GetAsync($"{division.Root}/sync/SalesOrder/SalesOrderLines?$select=ID,LineNumber");
        var items = await division.GetAsync($"{division.Root}/sync/Logistics/Items");

        Assert.Single(headers.Results);
        Assert.Equal(2, lines.Results.Count);
        Assert.NotNull(items.Results[0]!["Timestamp"]);
        Assert.NotNull(items.Results[0]!["Code"]);
    }

    [Fact]
    public async Task DeletedLogsEveryDeletedEntityWithItsTypeCode()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();
        var quotation = division.Emulator.Seed("Quotations", new JsonObject
        {
            ["OrderAccount"] = account.ToString(), ["QuotationLines"] = new JsonArray(new JsonObject { ["Item"] = item.ToString() }),
        });
        var before = await division.GetAsync($"{division.Root}/sync/Deleted?$filter=Timestamp gt 1");

        await division.DeleteAsync($"{division.Root}/crm/Quotations(guid'{quotation}')");
        await division.DeleteAsync($"{division.Root}/crm/Accounts(guid'{account}')");
        var after = await division.GetAsync($"{division.Root}/sync/Deleted?$filter=Timestamp gt 1");
        var row = after.Results[^1]!.AsObject();
        var later = await division.GetAsync($"{division.Root}/sync/Deleted?$select=EntityType&$filter=Timestamp gt {(long)row["Timestamp"]!}");

        Assert.Empty(before.Results);
        Assert.Equal([35, 34, 2], after.Results.Select(r => (int)r!["EntityType"]!));
        Assert.Equal(["__metadata", "Timestamp", "DeletedBy", "DeletedDate", "Division", "EntityKey", "EntityType", "ID"], row.Select(p => p.Key));
        Assert.Equal(account.ToString(), (string)row["EntityKey"]!);
        Assert.Equal(division.Emulator.UserId.ToString(), (string)row["DeletedBy"]!);
        Assert.Matches(@"^/Date\(\d+\)/$", (string)row["DeletedDate"]!);
        Assert.Empty(later.Results);
    }

    [Fact]
    public async Task OnlyTheTimestampFilterIsAllowed()
    {
        await using var division = await TestDivision.StartAsync();

        var reply = await division.GetAsync($"{division.Root}/sync/CRM/Accounts?$filter=Name eq 'x'");
        var unknown = await division.GetAsync($"{division.Root}/sync/CRM/Widgets");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Only the filter 'Timestamp gt {value}' is allowed on this endpoint.", reply.ErrorMessage);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }
}
