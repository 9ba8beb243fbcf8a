using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.ExactOnline;

public sealed class CrudTests
{
    private static readonly DateTimeOffset Now = new(2024, 9, 10, 14, 20, 45, 123, TimeSpan.Zero);

    [Fact]
    public async Task AccountLifecycle()
    {
        var clock = new ManualClock(Now);
        await using var division = await TestDivision.StartAsync(clock: clock);

        var created = await division.CreateAsync("crm/Accounts", new JsonObject { ["Name"] = "Albex", ["Country"] = "NL", ["StartDate"] = "2024-01-01T00:00:00" });
        var id = (string)created["ID"]!;
        var uri = $"{division.Root}/crm/Accounts(guid'{id}')";
        clock.Advance(TimeSpan.FromMinutes(5));
        var put = await division.PutAsync(uri, new JsonObject { ["ID"] = id, ["City"] = "Houten" });
        var read = await division.GetAsync(uri);
        var delete = await division.DeleteAsync(uri);
        var gone = await division.GetAsync(uri);

        Assert.Equal("                 1", (string)created["Code"]!);
        Assert.Equal("/Date(1725978045123)/", (string)created["Created"]!);
        Assert.Equal("/Date(1704067200000)/", (string)created["StartDate"]!);
        Assert.Equal(division.Emulator.Division, (int)created["Division"]!);
        Assert.Equal(division.Emulator.UserId.ToString(), (string)created["Creator"]!);
        Assert.Equal($"{division.Emulator.BaseUrl}api/v1/{division.Emulator.Division}/crm/Accounts(guid'{id}')", (string)created["__metadata"]!["uri"]!);
        Assert.Equal("Exact.Web.Api.Models.Account", (string)created["__metadata"]!["type"]!);
        Assert.Equal(HttpStatusCode.NoContent, put.Status);
        Assert.Empty(put.Text);
        Assert.Equal("Houten", (string)read.D["City"]!);
        Assert.Equal("Albex", (string)read.D["Name"]!);
        Assert.Equal("/Date(1725978345123)/", (string)read.D["Modified"]!);
        Assert.Equal("/Date(1725978045123)/", (string)read.D["Created"]!);
        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("Resource not found for the segment 'Accounts'.", gone.ErrorMessage);
    }

    [Fact]
    public async Task CreateWithoutPreferReturnRepresentationAnswersOnlyTheKey()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();
        var body = new JsonObject { ["OrderedBy"] = account.ToString(), ["SalesOrderLines"] = new JsonArray(new JsonObject { ["Item"] = item.ToString() }) };

        var bare = await division.SendAsync(HttpMethod.Post, $"{division.Root}/salesorder/SalesOrders", body.ToJsonString());
        var full = await division.PostAsync($"{division.Root}/salesorder/SalesOrders", body);

        Assert.Equal(HttpStatusCode.Created, bare.Status);
        var key = (string)bare.D["OrderID"]!;
        Assert.NotNull(division.Emulator.GetRecord("SalesOrders", Guid.Parse(key)));
        Assert.All(bare.D.AsObject().Where(p => p.Key is not ("__metadata" or "OrderID") && p.Value?["__deferred"] is null), p => Assert.Null(p.Value));
        Assert.NotNull(bare.D["SalesOrderLines"]!["__deferred"]);
        Assert.Equal(2, (int)full.D["OrderNumber"]!);
        Assert.Equal(account.ToString(), (string)full.D["OrderedBy"]!);
        Assert.Single(full.D["SalesOrderLines"]!["results"]!.AsArray());
    }

    [Fact]
    public async Task ServerAssignsAccountCodesAndOrderNumbersAfterTheHighest()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();
        division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Given", ["Code"] = "41" });

        var next = await division.CreateAsync("crm/Accounts", new JsonObject { ["Name"] = "Next" });
        var line = new JsonArray(new JsonObject { ["Item"] = item.ToString() });
        var first = await division.CreateAsync("salesorder/SalesOrders", new JsonObject { ["OrderedBy"] = account.ToString(), ["SalesOrderLines"] = line.DeepClone() });
        var chosen = await division.CreateAsync("salesorder/SalesOrders", new JsonObject { ["OrderedBy"] = account.ToString(), ["OrderNumber"] = 500, ["SalesOrderLines"] = line.DeepClone() });
        var after = await division.CreateAsync("salesorder/SalesOrders", new JsonObject { ["OrderedBy"] = account.ToString(), ["SalesOrderLines"] = line.DeepClone() });

        Assert.Equal("                42", (string)next["Code"]!);
        Assert.Equal([1, 500, 501], new[] { first, chosen, after }.Select(o => (int)o["OrderNumber"]!));
    }

    [Fact]
    public async Task QuotationIsCreatedWithItsLinesInOneCall()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();

        var quotation = await division.CreateAsync("crm/Quotations", new JsonObject
        {
            ["OrderAccount"] = account.ToString(),
            ["Description"] = "Shop fitting",
            ["QuotationLines"] = new JsonArray(
                new JsonObject { ["Item"] = item.ToString(), ["Quantity"] = 2, ["UnitPrice"] = 10.5 },
                new JsonObject { ["Item"] = item.ToString(), ["Description"] = "Own text", ["Quantity"] = 1 }),
        });
        var id = (string)quotation["QuotationID"]!;
        var expanded = await division.GetAsync($"{division.Root}/crm/Quotations(guid'{id}')?$expand=QuotationLines");
        var deferred = await division.GetAsync($"{division.Root}/crm/Quotations(guid'{id}')");
        var lines = await division.GetAsync($"{division.Root}/crm/QuotationLines?$filter=QuotationID eq guid'{id}'&$select=LineNumber,Description");

        Assert.Equal(1, (int)quotation["QuotationNumber"]!);
        Assert.Equal(20, (int)quotation["Status"]!);
        Assert.Equal("Albex Winkelinrichting B.V.", (string)quotation["OrderAccountName"]!);
        Assert.Equal("                 1", (string)quotation["OrderAccountCode"]!);
        var created = quotation["QuotationLines"]!["results"]!.AsArray();
        Assert.Equal([1, 2], created.Select(l => (int)l!["LineNumber"]!));
        Assert.All(created, l => Assert.Equal(id, (string)l!["QuotationID"]!));
        Assert.All(created, l => Assert.Equal(1, (int)l!["QuotationNumber"]!));
        Assert.Equal(["Grenen Balk 10 x 10 x 200", "Own text"], created.Select(l => (string)l!["Description"]!));
        Assert.Equal(2, expanded.D["QuotationLines"]!["results"]!.AsArray().Count);
        Assert.EndsWith($"Quotations(guid'{id}')/QuotationLines", (string)deferred.D["QuotationLines"]!["__deferred"]!["uri"]!, StringComparison.Ordinal);
        Assert.Equal(2, lines.Results.Count);
    }

    [Fact]
    public async Task SalesOrderLinesFollowTheirHeader()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();
        var order = await division.CreateAsync("salesorder/SalesOrders", new JsonObject
        {
            ["OrderedBy"] = account.ToString(),
            ["OrderDate"] = "2012-10-26T00:00:00",
            ["SalesOrderLines"] = new JsonArray(new JsonObject { ["Item"] = item.ToString(), ["Quantity"] = 3 }),
        });
        var id = (string)order["OrderID"]!;

        var line = await division.CreateAsync("salesorder/SalesOrderLines", new JsonObject { ["OrderID"] = id, ["Item"] = item.ToString() });
        var delete = await division.DeleteAsync($"{division.Root}/salesorder/SalesOrders(guid'{id}')");

        Assert.Equal(account.ToString(), (string)order["InvoiceTo"]!);
        Assert.Equal(account.ToString(), (string)order["DeliverTo"]!);
        Assert.Equal("Albex Winkelinrichting B.V.", (string)order["OrderedByName"]!);
        Assert.Equal(12, (int)order["Status"]!);
        Assert.Equal("BALK-10", (string)order["SalesOrderLines"]!["results"]![0]!["ItemCode"]!);
        Assert.Equal(2, (int)line["LineNumber"]!);
        Assert.Equal(1, (int)line["OrderNumber"]!);
        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.Empty(division.Emulator.GetRecords("SalesOrderLines"));
    }

    [Fact]
    public async Task LinesCannotBeChangedThroughTheHeaderAndCompleteOrdersAreFrozen()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();
        var lines = new JsonArray(new JsonObject { ["Item"] = item.ToString() });
        var open = division.Emulator.Seed("SalesOrders", new JsonObject { ["OrderedBy"] = account.ToString(), ["SalesOrderLines"] = lines.DeepClone() });
        var complete = division.Emulator.Seed("SalesOrders", new JsonObject { ["OrderedBy"] = account.ToString(), ["Status"] = 21, ["SalesOrderLines"] = lines.DeepClone() });

        var withLines = await division.PutAsync($"{division.Root}/salesorder/SalesOrders(guid'{open}')", new JsonObject { ["SalesOrderLines"] = lines.DeepClone() });
        var frozen = await division.PutAsync($"{division.Root}/salesorder/SalesOrders(guid'{complete}')", new JsonObject { ["Remarks"] = "late" });
        var fine = await division.PutAsync($"{division.Root}/salesorder/SalesOrders(guid'{open}')", new JsonObject { ["Remarks"] = "ok" });

        Assert.Equal("SalesOrderLines cannot be changed through the header; use the SalesOrderLines endpoint.", withLines.ErrorMessage);
        Assert.Equal("A complete sales order can no longer be changed.", frozen.ErrorMessage);
        Assert.Equal(HttpStatusCode.NoContent, fine.Status);
    }

    [Fact]
    public async Task SeedEditAndDeleteActLikeUsersAndInspectionSeesThem()
    {
        await using var division = await TestDivision.StartAsync();
        var id = division.Emulator.Seed("Items", new JsonObject { ["Code"] = "A1", ["Description"] = "Widget", ["Stock"] = 4.0 });

        division.Emulator.Edit("Items", id, new JsonObject { ["Description"] = "Gadget" });
        var edited = division.Emulator.GetRecord("Items", id)!;
        division.Emulator.Delete("Items", id);

        Assert.Equal("Gadget", (string)edited["Description"]!);
        Assert.Equal(4.0, (double)edited["Stock"]!);
        Assert.Null(division.Emulator.GetRecord("Items", id));
        Assert.Throws<ArgumentException>(() => division.Emulator.Seed("Items", new JsonObject { ["Code"] = "A2" }));
        Assert.Throws<ArgumentException>(() => division.Emulator.Seed("Unknown", new JsonObject()));
    }

    [Fact]
    public async Task UnknownEntitySetsAndBadKeysAreRefused()
    {
        await using var division = await TestDivision.StartAsync();

        var unknown = await division.GetAsync($"{division.Root}/crm/Widgets");
        var badKey = await division.GetAsync($"{division.Root}/crm/Accounts(guid'nope')");
        var postToKey = await division.PostAsync($"{division.Root}/crm/Accounts(guid'{Guid.NewGuid()}')", new JsonObject { ["Name"] = "x" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Resource not found for the segment 'Widgets'.", unknown.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, postToKey.Status);
    }
}
