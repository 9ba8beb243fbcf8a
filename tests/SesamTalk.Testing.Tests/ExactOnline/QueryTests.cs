using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.ExactOnline;

public sealed class QueryTests
{
    private static readonly DateTimeOffset Base = new(2024, 9, 10, 14, 0, 0, TimeSpan.Zero);

    private static async Task<List<JsonObject>> ReadAllAsync(TestDivision division, string path, List<int>? pageSizes = null)
    {
        var rows = new List<JsonObject>();
        for (string? next = path; next is not null;)
        {
            var page = await division.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            rows.AddRange(page.Results.Select(r => r!.AsObject()));
            pageSizes?.Add(page.Results.Count);
            next = page.Next;
        }

        return rows;
    }

    [Fact]
    public async Task CollectionsPageBySixtyWithSkipTokens()
    {
        await using var division = await TestDivision.StartAsync();
        for (var i = 0; i < 130; i++)
        {
            division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = $"A{i}" });
        }

        var first = await division.GetAsync($"{division.Root}/crm/Accounts?$select=ID,Name");
        var sizes = new List<int>();
        var all = await ReadAllAsync(division, $"{division.Root}/crm/Accounts?$select=ID,Name", sizes);

        Assert.Equal([60, 60, 10], sizes);
        Assert.Matches(@"/api/v1/499156/crm/Accounts\?\$select=ID%2CName&\$skiptoken=guid'[0-9a-f-]{36}'$", first.Next);
        Assert.Equal(130, all.Select(r => (string)r["ID"]!).Distinct().Count());
        Assert.All(all, r => Assert.Equal(["__metadata", "ID", "Name"], r.Select(p => p.Key)));
    }

    [Fact]
    public async Task TopGivesABareArray()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.Seed("Items", new JsonObject { ["Code"] = "A1", ["Description"] = "Widget" });
        division.Emulator.Seed("Items", new JsonObject { ["Code"] = "A2", ["Description"] = "Gadget" });

        var reply = await division.GetAsync($"{division.Root}/logistics/Items?$top=1&$select=Code");

        var row = Assert.Single(Assert.IsType<JsonArray>(reply.D))!;
        Assert.NotNull(row["Code"]);
    }

    [Fact]
    public async Task FiltersCompareStringsGuidsDatesAndCombine()
    {
        await using var division = await TestDivision.StartAsync();
        var albex = division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Albex", ["City"] = "Houten", ["Code"] = "8" }, Base);
        division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Bakker", ["City"] = "Houten" }, Base.AddHours(2));
        division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "O'Neill", ["City"] = "Utrecht" }, Base.AddHours(3));

        async Task<string[]> NamesAsync(string filter) =>
            [.. (await division.GetAsync($"{division.Root}/crm/Accounts?$select=Name&$filter={Uri.EscapeDataString(filter)}")).Results.Select(r => (string)r!["Name"]!)];

        Assert.Equal(["Albex"], await NamesAsync($"ID eq guid'{albex}'"));
        Assert.Equal(["O'Neill"], await NamesAsync("Name eq 'O''Neill'"));
        Assert.Equal(["Albex"], await NamesAsync("Code eq '                 8'"));
        Assert.Equal(["Albex"], await NamesAsync("trim(Code) eq '8'"));
        Assert.Empty(await NamesAsync("Code eq '8'"));
        Assert.Equal(2, (await NamesAsync("City eq 'Houten' and Modified ge datetime'2024-09-10T14:00:00'")).Length);
        Assert.Equal(3, (await NamesAsync("City eq 'Houten' or Modified gt datetime'2024-09-10T16:00:00'")).Length);
        Assert.Equal(["Bakker"], await NamesAsync("startswith(Name,'Ba') and not (City eq 'Utrecht')"));
    }

    [Fact]
    public async Task BadQueriesGiveODataErrors()
    {
        await using var division = await TestDivision.StartAsync();

        var property = await division.GetAsync($"{division.Root}/crm/Accounts?$filter=Colour eq 'red'");
        var types = await division.GetAsync($"{division.Root}/crm/Accounts?$filter=ID eq 'x'");
        var select = await division.GetAsync($"{division.Root}/crm/Accounts?$select=Name,Colour");

        Assert.Equal("No property 'Colour' exists in type 'Exact.Web.Api.Models.Account' at position 0.", property.ErrorMessage);
        Assert.Equal("Operator 'eq' incompatible with operand types 'System.Guid' and 'System.String' at position 3.", types.ErrorMessage);
        Assert.Equal("No property 'Colour' exists in type 'Exact.Web.Api.Models.Account' at position 5.", select.ErrorMessage);
    }

    [Fact]
    public async Task CountIsAPlainNumber()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "A", ["City"] = "Houten" });
        division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "B" });

        var all = await division.GetAsync($"{division.Root}/crm/Accounts/$count");
        var filtered = await division.GetAsync($"{division.Root}/crm/Accounts/$count?$filter=City eq 'Houten'");

        Assert.Equal("2", all.Text);
        Assert.Equal("text/plain", all.Headers["Content-Type"].Split(';')[0]);
        Assert.Equal("1", filtered.Text);
    }

    [Fact]
    public async Task DeltaByModifiedSurvivesEqualTimestampsAtAPageEdge()
    {
        await using var division = await TestDivision.StartAsync();
        // 61 changes in the same millisecond: the page edge falls between two rows with the same Modified.
        for (var i = 0; i < 61; i++)
        {
            division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = $"A{i}" }, Base);
        }

        var filter = Uri.EscapeDataString("Modified ge datetime'2024-09-10T14:00:00'");
        var sizes = new List<int>();
        var run = await ReadAllAsync(division, $"{division.Root}/crm/Accounts?$select=ID,Modified&$filter={filter}", sizes);
        var highest = run.Max(r => (string)r["Modified"]!);
        var strictlyAfter = await ReadAllAsync(division, $"{division.Root}/crm/Accounts?$select=ID&$filter={Uri.EscapeDataString("Modified gt datetime'2024-09-10T14:00:00'")}");
        var sameMoment = await ReadAllAsync(division, $"{division.Root}/crm/Accounts?$select=ID&$filter={Uri.EscapeDataString("Modified ge datetime'2024-09-10T14:00:00.000'")}");

        Assert.Equal([60, 1], sizes);
        Assert.Equal(61, run.Select(r => (string)r["ID"]!).Distinct().Count());
        Assert.Equal("/Date(1725976800000)/", highest);
        Assert.Empty(strictlyAfter);
        Assert.Equal(61, sameMoment.Count);
    }

    [Fact]
    public async Task ExpandedBankAccountsAreAnEmptyCollection()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "A" });

        var reply = await division.GetAsync($"{division.Root}/crm/Accounts?$select=BankAccounts&$expand=BankAccounts");

        Assert.True(JsonNode.DeepEquals(Fixtures.ExactOnline.Load("list_with_empty_expanded_collection.json")["d"]!["results"]![0],
            new JsonObject { ["BankAccounts"] = reply.Results[0]!["BankAccounts"]!.DeepClone() }));
    }
}
