using System.Net;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

public sealed class CollectionTests
{
    private static JsonObject Product(string name) => new() { ["attributes"] = new JsonObject { ["type"] = "Product2" }, ["Name"] = name };

    private static JsonObject Batch(bool allOrNone, IEnumerable<JsonObject> records) =>
        new() { ["allOrNone"] = allOrNone, ["records"] = new JsonArray([.. records]) };

    [Fact]
    public async Task CreatesUpToTwoHundredRecordsInOneCall()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.PostAsync($"{V}/composite/sobjects", Batch(false, Enumerable.Range(0, 200).Select(i => Product($"P{i}"))));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var results = reply.Body!.AsArray();
        Assert.Equal(200, results.Count);
        Assert.All(results, r => Assert.True((bool)r!["success"]!));
        Assert.Equal(200, org.Emulator.GetRecords("Product2").Count);
        Assert.Equal(1, org.Emulator.ApiUsage);
    }

    [Fact]
    public async Task MoreThanTwoHundredRecordsIsRejectedWhole()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.PostAsync($"{V}/composite/sobjects", Batch(false, Enumerable.Range(0, 201).Select(i => Product($"P{i}"))));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        reply.AssertBody("""[{"message":"record limit reached. cannot submit more than 200 records into this call","errorCode":"EXCEEDED_ID_LIMIT"}]""");
        Assert.Empty(org.Emulator.GetRecords("Product2"));
    }

    [Fact]
    public async Task WithoutAllOrNoneEachRecordStandsAlone()
    {
        await using var org = await TestOrg.StartAsync();
        var tooLong = Product(new string('x', 256));
        var invoice = new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Invoice" }, ["Description"] = "x" };

        var reply = await org.PostAsync($"{V}/composite/sobjects", Batch(false, [Product("ok"), tooLong, invoice]));

        var results = reply.Body!.AsArray();
        Assert.True((bool)results[0]!["success"]!);
        Assert.Equal("STRING_TOO_LONG", (string)results[1]!["errors"]![0]!["statusCode"]!);
        Assert.Equal(["statusCode", "message", "fields"], results[1]!["errors"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal("INVALID_TYPE_FOR_OPERATION", (string)results[2]!["errors"]![0]!["statusCode"]!);
        Assert.Single(org.Emulator.GetRecords("Product2"));
    }

    [Fact]
    public async Task AllOrNoneRollsBackEveryRecordWhenOneFails()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.PostAsync($"{V}/composite/sobjects", Batch(true, [Product("ok"), new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Product2" } }]));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        reply.AssertBody("""
            [{"success":false,"errors":[{"statusCode":"ALL_OR_NONE_OPERATION_ROLLED_BACK","message":"Record rolled back because not all records were valid and the request was using AllOrNone header","fields":[]}]},
             {"success":false,"errors":[{"statusCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [Name]","fields":["Name"]}]}]
            """);
        Assert.Empty(org.Emulator.GetRecords("Product2"));
    }

    [Fact]
    public async Task UnknownFieldFailsTheWholeRequest()
    {
        await using var org = await TestOrg.StartAsync();
        var bad = Product("bad");
        bad["Colour__c"] = "red";

        var reply = await org.PostAsync($"{V}/composite/sobjects", Batch(false, [Product("ok"), bad]));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_FIELD", reply.ErrorCode);
        Assert.Empty(org.Emulator.GetRecords("Product2"));
    }

    [Fact]
    public async Task UpdatesByIdWithPerRecordErrors()
    {
        await using var org = await TestOrg.StartAsync();
        var id = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "old" });
        var update = Product("new");
        update["id"] = id;
        var malformed = Product("x");
        malformed["id"] = "bogus";

        var reply = await org.PatchAsync($"{V}/composite/sobjects", Batch(false, [update, malformed]));

        reply.AssertBody($$"""
            [{"id":"{{id}}","success":true,"errors":[]},
             {"id":"bogus","success":false,"errors":[{"statusCode":"MALFORMED_ID","message":"Product2 ID: id value of incorrect type: bogus","fields":["Id"]}]}]
            """);
        Assert.Equal("new", (string)org.Emulator.GetRecord(id)!["Name"]!);
    }

    [Fact]
    public async Task DeletesByIdsWithPerRecordErrors()
    {
        await using var org = await TestOrg.StartAsync();
        var product = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "p" });
        var division = org.Emulator.Seed("Division", new JsonObject { ["Name"] = "North" });

        var reply = await org.DeleteAsync($"{V}/composite/sobjects?ids={product},{division},nope&allOrNone=false");
        var empty = await org.DeleteAsync($"{V}/composite/sobjects?ids=");

        var results = reply.Body!.AsArray();
        Assert.True((bool)results[0]!["success"]!);
        Assert.Equal("INVALID_TYPE_FOR_OPERATION", (string)results[1]!["errors"]![0]!["statusCode"]!);
        Assert.Equal("malformed id nope", (string)results[2]!["errors"]![0]!["message"]!);
        Assert.True(org.Emulator.IsDeleted(product));
        empty.AssertBody("""[{"message":"At least 1 Id is required.","errorCode":"REQUIRED_FIELD_MISSING"}]""");
    }

    [Fact]
    public async Task RetrieveReturnsNullForMissingIds()
    {
        await using var org = await TestOrg.StartAsync();
        var id = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "p", ["ProductCode"] = "C" });

        var reply = await org.GetAsync($"{V}/composite/sobjects/Product2?ids={id},01t000000000001AAA&fields=Name,ProductCode");

        var results = reply.Body!.AsArray();
        Assert.Equal("C", (string)results[0]!["ProductCode"]!);
        Assert.Null(results[1]);
    }
}
