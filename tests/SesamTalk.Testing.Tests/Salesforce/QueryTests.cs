using System.Net;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

public sealed class QueryTests
{
    private static readonly DateTimeOffset T0 = new(2024, 9, 10, 14, 20, 17, TimeSpan.Zero);

    private static Task<Reply> QueryAsync(TestOrg org, string soql, int? batchSize = null) =>
        org.GetAsync($"{V}/query?q={Uri.EscapeDataString(soql)}", batchSize is { } n ? [("Sforce-Query-Options", $"batchSize={n}")] : []);

    private static List<string> Seed(TestOrg org, int count, Func<int, DateTimeOffset> stamp) =>
        [.. Enumerable.Range(0, count).Select(i => org.Emulator.Seed("Product2", new JsonObject
        {
            ["Name"] = $"P{i:D4}", ["ProductCode"] = $"C{i % 3}",
        }, stamp(i)))];

    /// <summary>Follows nextRecordsUrl to the end, as a connector does, and returns every row and each page's size.</summary>
    private static async Task<(List<JsonObject> Rows, List<int> Pages)> ReadAllAsync(TestOrg org, string soql, int? batchSize = null)
    {
        var rows = new List<JsonObject>();
        var pages = new List<int>();
        var reply = await QueryAsync(org, soql, batchSize);
        while (true)
        {
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            var records = reply.Body!["records"]!.AsArray();
            pages.Add(records.Count);
            rows.AddRange(records.Select(r => r!.AsObject()));
            if ((bool)reply.Body["done"]!)
            {
                Assert.False(reply.Body.AsObject().ContainsKey("nextRecordsUrl"));
                return (rows, pages);
            }

            reply = await org.GetAsync((string)reply.Body["nextRecordsUrl"]!);
        }
    }

    [Fact]
    public async Task PagesFollowNextRecordsUrlWithoutLosingRowsOfEqualTimestamps()
    {
        await using var org = await TestOrg.StartAsync();
        // 450 rows share three timestamps, so page boundaries fall inside runs of equal SystemModstamp.
        var ids = Seed(org, 450, i => T0.AddSeconds(i / 150));

        var (rows, pages) = await ReadAllAsync(org, "SELECT Id, SystemModstamp FROM Product2 ORDER BY SystemModstamp, Id", batchSize: 200);

        Assert.Equal([200, 200, 50], pages);
        Assert.Equal(ids.Order(StringComparer.Ordinal), rows.Select(r => (string)r["Id"]!));
        Assert.Equal(450, rows.Select(r => (string)r["Id"]!).Distinct().Count());
    }

    [Fact]
    public async Task PageSizeIsTwoThousandByDefaultAndClampedToTwoHundredAtLeast()
    {
        await using var org = await TestOrg.StartAsync();
        Seed(org, 2100, _ => T0);

        var (_, defaultPages) = await ReadAllAsync(org, "SELECT Id FROM Product2");
        var (_, smallPages) = await ReadAllAsync(org, "SELECT Id FROM Product2 WHERE ProductCode = 'C0'", batchSize: 50);

        Assert.Equal([2000, 100], defaultPages);
        Assert.Equal([200, 200, 200, 100], smallPages);
    }

    [Fact]
    public async Task EveryPageCarriesTotalSizeAndALocator()
    {
        await using var org = await TestOrg.StartAsync();
        Seed(org, 250, _ => T0);

        var first = await QueryAsync(org, "SELECT Name FROM Product2", 200);
        var second = await org.GetAsync((string)first.Body!["nextRecordsUrl"]!);

        Assert.Matches(@"^/services/data/v64\.0/query/01g[0-9A-Za-z]{15}-200$", (string)first.Body["nextRecordsUrl"]!);
        Assert.Equal(250, (int)first.Body["totalSize"]!);
        Assert.Equal(250, (int)second.Body!["totalSize"]!);
        Assert.Equal(1, org.Emulator.CallCount(SesamTalk.Testing.Salesforce.SalesforceEndpoint.QueryMore));
    }

    [Fact]
    public async Task KeysetFilterOnSystemModstampAndIdSelectsTheRest()
    {
        await using var org = await TestOrg.StartAsync();
        var ids = Seed(org, 6, i => T0.AddSeconds(i / 2)).Order(StringComparer.Ordinal).ToList();
        var third = org.Emulator.GetRecord(ids[2])!;
        var stamp = DateTimeOffset.Parse((string)third["SystemModstamp"]!, System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var (rows, _) = await ReadAllAsync(org,
            $"SELECT Id FROM Product2 WHERE SystemModstamp > {stamp} OR (SystemModstamp = {stamp} AND Id > '{ids[2]}') ORDER BY SystemModstamp ASC, Id ASC LIMIT 2000");

        Assert.Equal(ids.Skip(3), rows.Select(r => (string)r["Id"]!));
    }

    [Fact]
    public async Task WhereOrderByLimitOffsetAndInWork()
    {
        await using var org = await TestOrg.StartAsync();
        Seed(org, 9, i => T0.AddMinutes(i));

        var (rows, _) = await ReadAllAsync(org,
            "SELECT Name FROM Product2 WHERE ProductCode IN ('C1', 'c2') AND LastModifiedDate >= 2024-09-10T14:22:00Z AND Name LIKE 'p%' ORDER BY Name DESC LIMIT 3 OFFSET 1");

        Assert.Equal(["P0007", "P0005", "P0004"], rows.Select(r => (string)r["Name"]!));
        Assert.Equal(["attributes", "Name"], rows[0].Select(p => p.Key));
    }

    [Fact]
    public async Task ParentRelationshipsComeBackNested()
    {
        await using var org = await TestOrg.StartAsync();
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Edge Communications" });
        org.Emulator.Seed("Contact", new JsonObject { ["LastName"] = "Gonzalez", ["AccountId"] = account });
        org.Emulator.Seed("Contact", new JsonObject { ["LastName"] = "Private" });

        var (rows, _) = await ReadAllAsync(org, "SELECT Id, Account.Name, LastName FROM Contact ORDER BY LastName");

        Assert.Equal("Edge Communications", (string)rows[0]["Account"]!["Name"]!);
        Assert.Equal("Account", (string)rows[0]["Account"]!["attributes"]!["type"]!);
        Assert.True(rows[1].ContainsKey("Account"));
        Assert.Null(rows[1]["Account"]);
    }

    [Fact]
    public async Task CountAndQueryAllSeeWhatTheyShould()
    {
        await using var org = await TestOrg.StartAsync();
        var ids = Seed(org, 5, _ => T0);
        org.Emulator.Delete(ids[0]);

        var count = await QueryAsync(org, "SELECT COUNT() FROM Product2");
        var all = await org.GetAsync($"{V}/queryAll?q={Uri.EscapeDataString("SELECT Id, IsDeleted FROM Product2 WHERE IsDeleted = true")}");

        count.AssertBody("""{"totalSize":4,"done":true,"records":[]}""");
        Assert.Equal(ids[0], (string)all.Body!["records"]![0]!["Id"]!);
    }

    [Theory]
    [InlineData("SELECT Id FRM Product2", "MALFORMED_QUERY")]
    [InlineData("SELECT Colour__c FROM Product2", "INVALID_FIELD")]
    [InlineData("SELECT Id FROM Whizbang", "INVALID_TYPE")]
    [InlineData("SELECT Id FROM Product2 WHERE SystemModstamp > '2024-01-01T00:00:00Z'", "INVALID_FIELD")]
    [InlineData("SELECT Id FROM Product2 WHERE Name = 5", "INVALID_FIELD")]
    [InlineData("SELECT Id FROM Product2 LIMIT 10 OFFSET 2001", "NUMBER_OUTSIDE_VALID_RANGE")]
    [InlineData("SELECT Id FROM Quote", "INVALID_TYPE")]
    public async Task BadQueriesGetSalesforceErrors(string soql, string errorCode)
    {
        await using var org = await TestOrg.StartAsync(o => o.DisabledObjects.Add("Quote"));

        var reply = await QueryAsync(org, soql);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(errorCode, reply.ErrorCode);
    }

    [Fact]
    public async Task QuotedDatetimeMessageMatchesSalesforce()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await QueryAsync(org, "SELECT Id FROM Product2 WHERE SystemModstamp > '2024-01-01'");

        Assert.Equal("value of filter criterion for field 'SystemModstamp' must be of type dateTime and should not be enclosed in quotes",
            (string)reply.SingleError()["message"]!);
    }

    [Fact]
    public async Task StringLiteralsHonourEscapes()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "O'Brien's \\ widget" });

        var (rows, _) = await ReadAllAsync(org, @"SELECT Name FROM Product2 WHERE Name = 'O\'Brien\'s \\ widget'");

        Assert.Single(rows);
    }

    [Fact]
    public async Task UnknownLocatorIsInvalidQueryLocator()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.GetAsync($"{V}/query/01gD0000002HU6KIAW-2000");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_QUERY_LOCATOR", reply.ErrorCode);
    }

    [Theory]
    [InlineData("Tags__c INCLUDES ('red')", "both,red")]
    [InlineData("Tags__c INCLUDES ('red;blue')", "both")]
    [InlineData("Tags__c INCLUDES ('red;blue', 'green')", "both,green")]
    [InlineData("Tags__c EXCLUDES ('red')", "green,none")]
    public async Task MultiSelectPicklistsFilterWithIncludesAndExcludes(string where, string expected)
    {
        const string catalog = """
            { "system": "Salesforce", "objects": [ { "name": "Product2", "createable": true, "updateable": true, "deletable": true, "fields": [
              { "name": "Tags__c", "type": "multipicklist", "length": 4099, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false }
            ] } ] }
            """;
        await using var org = await TestOrg.StartAsync(o => o.Catalogs.Add(catalog));
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "both", ["Tags__c"] = "red;blue" });
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "red", ["Tags__c"] = "red" });
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "green", ["Tags__c"] = "green" });
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "none" });

        var (rows, _) = await ReadAllAsync(org, $"SELECT Name FROM Product2 WHERE {where} ORDER BY Name");

        Assert.Equal(expected, string.Join(",", rows.Select(r => (string)r["Name"]!)));
    }

    [Fact]
    public async Task IncludesIsOnlyForMultiSelectPicklists()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await QueryAsync(org, "SELECT Id FROM Product2 WHERE Family INCLUDES ('None')");

        Assert.Equal("INVALID_FIELD", reply.ErrorCode);
    }
}
