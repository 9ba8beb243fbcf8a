using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>The emulator's bodies have the keys of the recorded real payloads in shared/fixtures/salesforce.</summary>
public sealed partial class FixtureShapeTests
{
    private static readonly DateTimeOffset Now = new(2024, 9, 10, 14, 20, 45, TimeSpan.Zero);

    private static IEnumerable<string> Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

    private static void SameKeys(JsonNode? fixture, JsonNode? emulated) => Assert.Equal(Keys(fixture), Keys(emulated));

    private static JsonObject First(JsonNode? array) => Assert.IsType<JsonArray>(array)[0]!.AsObject();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$")]
    private static partial Regex SalesforceDateTime();

    [Fact]
    public async Task TokenResponseHasTheRecordedKeys()
    {
        await using var org = await TestOrg.StartAsync();
        using var http = new HttpClient();
        using var response = await http.PostAsync(org.Emulator.TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = org.Emulator.ClientId, ["client_secret"] = org.Emulator.ClientSecret,
            ["username"] = org.Emulator.Username, ["password"] = org.Emulator.Password,
        }));
        var emulated = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // Current orgs add token_type and scope to the recorded (older) shape.
        Assert.Equal(Keys(Fixtures.Salesforce.Load("token_response_password_flow.json")).Concat(["scope", "token_type"]).Order(StringComparer.Ordinal), Keys(emulated));
        Assert.Matches("^[0-9]{13}$", (string)emulated["issued_at"]!);
    }

    [Fact]
    public async Task CreateAndErrorBodiesHaveTheRecordedKeys()
    {
        await using var org = await TestOrg.StartAsync();

        var created = await org.PostAsync($"{V}/sobjects/Product2", new JsonObject { ["Name"] = "W" });
        var invalid = await org.PostAsync($"{V}/sobjects/Product2", new JsonObject { ["foo"] = 1 });
        var collection = await org.PostAsync($"{V}/composite/sobjects", new JsonObject
        {
            ["records"] = new JsonArray(new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Product2" }, ["Name"] = "W" }),
        });

        SameKeys(Fixtures.Salesforce.Load("create_response.json"), created.Body);
        SameKeys(First(Fixtures.Salesforce.Load("error_invalid_field.json")), First(invalid.Body));
        SameKeys(First(Fixtures.Salesforce.Load("collections_create_response.json")), First(collection.Body));
    }

    [Fact]
    public async Task QueryPagesHaveTheRecordedKeys()
    {
        await using var org = await TestOrg.StartAsync();
        for (var i = 0; i < 201; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{i}" });
        }

        var first = await org.GetAsync($"{V}/query?q=SELECT+Name+FROM+Product2", ("Sforce-Query-Options", "batchSize=200"));
        var last = await org.GetAsync((string)first.Body!["nextRecordsUrl"]!);

        var fixtureFirst = Fixtures.Salesforce.Load("query_page1_with_nextRecordsUrl.json");
        var fixtureLast = Fixtures.Salesforce.Load("query_page2_last.json");
        SameKeys(fixtureFirst, first.Body);
        SameKeys(fixtureLast, last.Body);
        SameKeys(First(fixtureFirst["records"])["attributes"], First(first.Body["records"])["attributes"]);
        Assert.Equal(Keys(First(fixtureLast["records"])).Count(), Keys(First(last.Body!["records"])).Count());
    }

    [Fact]
    public async Task RelationshipQueryHasTheRecordedShape()
    {
        await using var org = await TestOrg.StartAsync();
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Edge Communications" });
        org.Emulator.Seed("Contact", new JsonObject { ["LastName"] = "Gonzalez", ["AccountId"] = account });

        var reply = await org.GetAsync($"{V}/query?q={Uri.EscapeDataString("SELECT Id, Name, SystemModstamp, Account.Name, Account.SystemModstamp FROM Contact")}");

        var fixture = Fixtures.Salesforce.Load("query_with_relationships.json");
        SameKeys(fixture, reply.Body);
        var fixtureParent = First(fixture["records"])["Account"];
        var parent = First(reply.Body!["records"])["Account"];
        SameKeys(fixtureParent, parent);
        SameKeys(fixtureParent!["attributes"], parent!["attributes"]);
        Assert.Matches(SalesforceDateTime(), (string)fixtureParent["SystemModstamp"]!);
        Assert.Matches(SalesforceDateTime(), (string)parent["SystemModstamp"]!);
    }

    [Fact]
    public async Task ContactRecordHasEveryStandardFieldOfTheRecordedOne()
    {
        await using var org = await TestOrg.StartAsync();
        var id = org.Emulator.Seed("Contact", new JsonObject { ["LastName"] = "Smith", ["MailingCity"] = "New York" });

        var reply = await org.GetAsync($"{V}/sobjects/Contact/{id}");

        var fixture = Fixtures.Salesforce.Load("contact_record.json").AsObject();
        var standard = Keys(fixture).Where(k => !k.EndsWith("__c", StringComparison.Ordinal));
        Assert.Empty(standard.Except(Keys(reply.Body)));
        SameKeys(fixture["MailingAddress"], reply.Body!["MailingAddress"]);
        SameKeys(fixture["attributes"], reply.Body["attributes"]);
        Assert.Matches(SalesforceDateTime(), (string)reply.Body["CreatedDate"]!);
    }

    [Fact]
    public async Task WrittenIdsAndDatetimesComeBackInTheRecordedContactsForms()
    {
        await using var org = await TestOrg.StartAsync();
        var recorded = Fixtures.Salesforce.Load("contact_record.json");
        var owner = (string)recorded["OwnerId"]!; // 18 characters, as every recorded id
        var account = (string)recorded["AccountId"]!;

        var id = await org.CreateAsync("Contact", new JsonObject { ["LastName"] = "Smith", ["OwnerId"] = owner[..15], ["EmailBouncedDate"] = "2017-04-25T16:21:44.789Z" });
        var emulated = (await org.GetAsync($"{V}/sobjects/Contact/{id}")).Body!;
        var wellFormed = await org.PostAsync($"{V}/sobjects/Contact", new JsonObject { ["LastName"] = "Smith", ["AccountId"] = account });
        var badChecksum = await org.PostAsync($"{V}/sobjects/Contact", new JsonObject { ["LastName"] = "Smith", ["AccountId"] = account[..15] + "AAA" });

        Assert.Equal(owner, (string)emulated["OwnerId"]!);
        Assert.Equal((string)recorded["LastModifiedDate"]!, (string)emulated["EmailBouncedDate"]!); // whole seconds, as recorded
        Assert.Equal("INVALID_CROSS_REFERENCE_KEY", wellFormed.ErrorCode); // the recorded checksum is the one the emulator computes
        Assert.Equal("MALFORMED_ID", badChecksum.ErrorCode);
    }

    [Fact]
    public async Task ReplicationBodiesHaveTheRecordedKeys()
    {
        var clock = new ManualClock(Now);
        await using var org = await TestOrg.StartAsync(clock: clock);
        var id = org.Emulator.Seed("Contact", new JsonObject { ["LastName"] = "Smith" }, Now.AddMinutes(-10));
        org.Emulator.Delete(id, Now.AddMinutes(-5));
        const string window = "?start=2024-09-10T14:00:00%2B00:00&end=2024-09-10T14:30:00%2B00:00";

        var updated = await org.GetAsync($"{V}/sobjects/Contact/updated/{window}");
        var deleted = await org.GetAsync($"{V}/sobjects/Contact/deleted/{window}");

        SameKeys(Fixtures.Salesforce.Load("get_updated_response.json"), updated.Body);
        var fixtureDeleted = Fixtures.Salesforce.Load("get_deleted_response.json");
        SameKeys(fixtureDeleted, deleted.Body);
        SameKeys(First(fixtureDeleted["deletedRecords"]), First(deleted.Body!["deletedRecords"]));
    }
}
