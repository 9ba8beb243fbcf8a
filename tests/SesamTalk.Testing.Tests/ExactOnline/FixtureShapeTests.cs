using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SesamTalk.Testing.Tests.ExactOnline;

/// <summary>The emulator's bodies have the shapes of the recorded payloads in shared/fixtures/exactonline.</summary>
public sealed partial class FixtureShapeTests
{
    private static List<string> Keys(JsonNode? node) => [.. node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    private static void SameKeys(JsonNode? fixture, JsonNode? emulated) => Assert.Equal(Keys(fixture), Keys(emulated));

    /// <summary>Every key of the recorded row is in the emulated one (the catalog adds fields newer than the recording).</summary>
    private static void HasEveryRecordedKey(JsonNode? fixture, JsonNode? emulated) => Assert.Empty(Keys(fixture).Except(Keys(emulated)));

    [GeneratedRegex(@"^/Date\(\d+\)/$")]
    private static partial Regex WireDate();

    [Fact]
    public async Task SingleAccountHasTheRecordedShape()
    {
        await using var division = await TestDivision.StartAsync();
        var id = division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Albex Winkelinrichting B.V.", ["Code"] = "8" });

        var reply = await division.GetAsync($"{division.Root}/crm/Accounts(guid'{id}')");

        var fixture = Fixtures.ExactOnline.Load("crm_account_single.json");
        SameKeys(fixture, reply.Body);
        HasEveryRecordedKey(fixture["d"], reply.D);
        SameKeys(fixture["d"]!["__metadata"], reply.D["__metadata"]);
        SameKeys(fixture["d"]!["BankAccounts"], reply.D["BankAccounts"]);
        Assert.Equal(((string)fixture["d"]!["Code"]!).Length, ((string)reply.D["Code"]!).Length);
        Assert.Matches(WireDate(), (string)fixture["d"]!["Created"]!);
        Assert.Matches(WireDate(), (string)reply.D["Created"]!);
        Assert.Matches(@"/crm/Accounts\(guid'[0-9a-f-]{36}'\)/BankAccounts$", (string)reply.D["BankAccounts"]!["__deferred"]!["uri"]!);
    }

    [Fact]
    public async Task CollectionsHaveTheRecordedShape()
    {
        await using var division = await TestDivision.StartAsync();
        division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "A" });
        division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "B" });
        division.Emulator.Seed("Items", new JsonObject { ["Code"] = "12345678", ["Description"] = "Grenen Balk 10 x 10 x 200" });

        var accounts = await division.GetAsync($"{division.Root}/crm/Accounts");
        var items = await division.GetAsync($"{division.Root}/logistics/Items");
        var top = await division.GetAsync($"{division.Root}/logistics/Items?$top=1");

        var accountsFixture = Fixtures.ExactOnline.Load("crm_accounts_list.json");
        SameKeys(accountsFixture["d"], accounts.D);
        HasEveryRecordedKey(accountsFixture["d"]!["results"]![0], accounts.Results[0]);
        var itemsFixture = Fixtures.ExactOnline.Load("logistics_items_list.json");
        SameKeys(itemsFixture["d"], items.D);
        HasEveryRecordedKey(itemsFixture["d"]!["results"]![0], items.Results[0]);
        Assert.Equal("Exact.Web.Api.Models.Item", (string)items.Results[0]!["__metadata"]!["type"]!);
        var topFixture = Fixtures.ExactOnline.Load("logistics_items_top1_bare_array.json");
        Assert.IsType<JsonArray>(topFixture["d"]);
        HasEveryRecordedKey(topFixture["d"]![0], Assert.Single(Assert.IsType<JsonArray>(top.D)));
    }

    [Fact]
    public async Task ExpandedLinesNestLikeTheRecordedInvoice()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();
        var order = division.Emulator.Seed("SalesOrders", new JsonObject
        {
            ["OrderedBy"] = account.ToString(), ["SalesOrderLines"] = new JsonArray(new JsonObject { ["Item"] = item.ToString() }),
        });

        var reply = await division.GetAsync($"{division.Root}/salesorder/SalesOrders(guid'{order}')?$expand=SalesOrderLines");

        var fixture = Fixtures.ExactOnline.Load("salesinvoice_single_with_expanded_lines.json")["d"]!;
        var fixtureLines = fixture["SalesInvoiceLines"]!;
        var lines = reply.D["SalesOrderLines"]!;
        SameKeys(fixtureLines, lines);
        SameKeys(fixtureLines["results"]![0]!["__metadata"], lines["results"]![0]!["__metadata"]);
        Assert.Equal("Exact.Web.Api.Models.SalesOrderLine", (string)lines["results"]![0]!["__metadata"]!["type"]!);
        // The header fields a sales invoice shares with a sales order (OrderedBy…, Currency, Description, …) are all there.
        var shared = new[] { "OrderedBy", "OrderedByName", "OrderNumber", "OrderDate", "Currency", "Description", "PaymentCondition", "YourRef", "Remarks", "Division", "Created", "Modified" };
        Assert.Empty(shared.Except(Keys(fixture)));
        Assert.Empty(shared.Except(Keys(reply.D)));
    }

    [Fact]
    public async Task TheRecordedClientPostBodyIsAccepted()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();
        var recorded = Fixtures.ExactOnline.Load("request_body_post_header_with_lines.json").AsObject();
        // The recording is a sales invoice; the same header and line fields make a sales order.
        var body = new JsonObject
        {
            ["Currency"] = recorded["Currency"]!.DeepClone(),
            ["Description"] = recorded["Description"]!.DeepClone(),
            ["OrderDate"] = recorded["OrderDate"]!.DeepClone(),
            ["OrderedBy"] = account.ToString(),
            ["InvoiceTo"] = account.ToString(),
            ["SalesOrderLines"] = new JsonArray(new JsonObject
            {
                ["Description"] = recorded["Lines"]![0]!["Description"]!.DeepClone(), ["Item"] = item.ToString(),
            }),
        };

        var reply = await division.PostAsync($"{division.Root}/salesorder/SalesOrders", body);

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("/Date(1351209600000)/", (string)reply.D["OrderDate"]!);
        Assert.EndsWith($"(guid'{reply.D["OrderID"]}')", reply.Headers["Location"], StringComparison.Ordinal);
    }
}
