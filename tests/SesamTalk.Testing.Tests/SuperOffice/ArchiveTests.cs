using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.SuperOffice;

public sealed class ArchiveTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static List<string> Keys(JsonNode? row) => [.. row!.AsObject().Select(p => p.Key)];

    [Fact]
    public async Task PagesWithTopAndSkipStayStableAcrossEqualUpdatedDates()
    {
        await using var tenant = await TestTenant.StartAsync(clock: new ManualClock(Now));
        // Five contacts updated within one second: the archive shows them all at 10:00:00.
        for (var i = 0; i < 5; i++)
        {
            tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = $"C{i}" }, Now.AddMilliseconds(100 * i));
        }

        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Old" }, Now.AddDays(-1));
        var ids = new List<string>();
        for (var skip = 0; ; skip += 2)
        {
            var page = await tenant.GetAsync(
                $"{tenant.Root}/Contact?$select=contactId,name,updatedDate&$filter=updatedDate ge '2024-05-01T10:00:00'&$orderBy=updatedDate&$top=2&$skip={skip}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Null(page.Body!["odata.nextLink"]);
            ids.AddRange(page.Value.Select(r => (string)r!["PrimaryKey"]!));
            Assert.All(page.Value, r => Assert.Equal("2024-05-01T10:00:00", (string)r!["updatedDate"]!));
            if (page.Value.Count < 2)
            {
                break;
            }
        }

        Assert.Equal(["1", "2", "3", "4", "5"], ids);
    }

    [Fact]
    public async Task SelectGivesTheNamedColumnsAfterPrimaryKeyAndEntityName()
    {
        await using var tenant = await TestTenant.StartAsync(clock: new ManualClock(Now));
        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Albex", ["OrgNr"] = "912345678", ["Category"] = 3 });

        var reply = await tenant.GetAsync($"{tenant.Root}/Contact?$select=name,orgnr,category,registeredDate");
        var all = await tenant.GetAsync($"{tenant.Root}/Archive/SimpleContact");

        var row = Assert.Single(reply.Value)!;
        Assert.Equal(["PrimaryKey", "EntityName", "name", "orgnr", "category", "registeredDate"], Keys(row));
        Assert.Equal("contact", (string)row["EntityName"]!);
        Assert.Equal(3, (int)row["category"]!);
        Assert.Equal("2024-05-01T10:00:00", (string)row["registeredDate"]!);
        Assert.Equal(16 + 2, Keys(Assert.Single(all.Value)).Count);
    }

    [Fact]
    public async Task FiltersCombineWithAndOrBracketsAndTextOperators()
    {
        await using var tenant = await TestTenant.StartAsync();
        foreach (var (name, category) in new[] { ("Albex", 1), ("Alfa", 2), ("Beta", 2), ("O'Brien", 3) })
        {
            tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = name, ["Category"] = category });
        }

        async Task<List<string>> Names(string filter)
        {
            var reply = await tenant.GetAsync($"{tenant.Root}/Contact?$select=name&$filter={Uri.EscapeDataString(filter)}");
            Assert.True(reply.Status == HttpStatusCode.OK, $"{reply.Status} {reply.Text}");
            return [.. reply.Value.Select(r => (string)r!["name"]!)];
        }

        Assert.Equal(["Albex", "Alfa"], await Names("name begins 'al'"));
        Assert.Equal(["Alfa", "Beta"], await Names("category eq 2"));
        Assert.Equal(["Albex", "Beta"], await Names("(name begins 'Al' and category eq 1) or name contains 'et'"));
        Assert.Equal(["O'Brien"], await Names("name = 'O\\'Brien'"));
        Assert.Equal(["Albex", "O'Brien"], await Names("category ne 2"));
    }

    [Fact]
    public async Task AfterAndBeforeCompareToTheSecond()
    {
        var clock = new ManualClock(Now);
        await using var tenant = await TestTenant.StartAsync(clock: clock);
        tenant.Emulator.Seed("Person", new JsonObject { ["Firstname"] = "Early", ["Contact"] = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "A" }) }, Now.AddMilliseconds(400));
        tenant.Emulator.Seed("Person", new JsonObject { ["Firstname"] = "Late", ["Contact"] = 1 }, Now.AddSeconds(1));

        var after = await tenant.GetAsync($"{tenant.Root}/Person?$select=firstName,fullName&$filter=updatedDate after '2024-05-01T10:00:00'");
        var before = await tenant.GetAsync($"{tenant.Root}/Person?$select=firstName&$filter=updatedDate before '2024-05-01T10:00:01'");

        Assert.Equal("Late", (string)Assert.Single(after.Value)!["fullName"]!);
        Assert.Equal("Early", (string)Assert.Single(before.Value)!["firstName"]!);
    }

    [Fact]
    public async Task SalesListThroughFindSaleWithDescendingOrder()
    {
        await using var tenant = await TestTenant.StartAsync();
        tenant.Emulator.Seed("Sale", new JsonObject { ["Heading"] = "Small", ["Amount"] = 10.0 });
        tenant.Emulator.Seed("Sale", new JsonObject { ["Heading"] = "Large", ["Amount"] = 900.0 });

        var reply = await tenant.GetAsync($"{tenant.Root}/Sale?$select=heading,amount,status&$orderBy=amount desc");
        var provider = await tenant.GetAsync($"{tenant.Root}/Archive/FindSale?$select=saleId&$top=1");

        Assert.Equal(["Large", "Small"], reply.Value.Select(r => (string)r!["heading"]!));
        Assert.Equal("Open", (string)reply.Value[0]!["status"]!);
        Assert.Equal("sale", (string)Assert.Single(provider.Value)!["EntityName"]!);
    }

    [Theory]
    [InlineData("$select=nmae")]
    [InlineData("$filter=name begins")]
    [InlineData("$filter=contactId eq 'x'")]
    [InlineData("$filter=(name eq 'a'")]
    [InlineData("$filter=name frobs 'a'")]
    [InlineData("$orderBy=name sideways")]
    [InlineData("$top=-1")]
    public async Task BadQueriesAreRefused(string query)
    {
        await using var tenant = await TestTenant.StartAsync();

        var reply = await tenant.GetAsync($"{tenant.Root}/Contact?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("ArgumentException", reply.ErrorType);
    }
}
