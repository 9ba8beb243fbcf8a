using System.Net;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>
/// sObject rows by external ID (upsert, read, delete) and sObject Collections upsert, with the bodies of restforce's
/// recorded fixtures (upsert_created_success_response.json, upsert_error_response.json, upsert_multiple_error_response.json).
/// Contact.Email and Product2.Name carry the idLookup property, which standard objects can upsert on.
/// </summary>
public sealed class UpsertTests
{
    [Fact]
    public async Task UpsertCreatesWith201ThenUpdatesWith200()
    {
        await using var org = await TestOrg.StartAsync();

        var created = await org.PatchAsync($"{V}/sobjects/Contact/Email/ada@example.com", new JsonObject { ["LastName"] = "Lovelace" });
        var id = (string)created.Body!["id"]!;
        var updated = await org.PatchAsync($"{V}/sobjects/Contact/Email/ADA@example.com", new JsonObject { ["FirstName"] = "Ada" });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        created.AssertBody($$"""{"id":"{{id}}","success":true,"errors":[],"created":true}""");
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        updated.AssertBody($$"""{"id":"{{id}}","success":true,"errors":[],"created":false}""");
        var contact = org.Emulator.GetRecord(id)!;
        Assert.Equal("ada@example.com", (string)contact["Email"]!);
        Assert.Equal("Ada", (string)contact["FirstName"]!);
        Assert.Single(org.Emulator.GetRecords("Contact"));
    }

    [Fact]
    public async Task UpsertUpdatesWith204BeforeApi46()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Widget" });

        var reply = await org.PatchAsync("/services/data/v45.0/sobjects/Product2/Name/Widget", new JsonObject { ["ProductCode"] = "W-1" });

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        Assert.Null(reply.Body);
    }

    [Fact]
    public async Task AKeyThatMatchesSeveralRecordsAnswers300WithTheirUrlsAndWritesNothing()
    {
        await using var org = await TestOrg.StartAsync();
        var first = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Widget" });
        var second = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Widget" });

        var upsert = await org.PatchAsync($"{V}/sobjects/Product2/Name/Widget", new JsonObject { ["ProductCode"] = "W-1" });
        var read = await org.GetAsync($"{V}/sobjects/Product2/Name/Widget");

        Assert.Equal(HttpStatusCode.MultipleChoices, upsert.Status);
        upsert.AssertBody(new JsonArray($"{V}/sobjects/Product2/{first}", $"{V}/sobjects/Product2/{second}"));
        Assert.Equal(HttpStatusCode.MultipleChoices, read.Status);
        Assert.All(org.Emulator.GetRecords("Product2"), p => Assert.Null(p["ProductCode"]));
    }

    [Theory]
    [InlineData("Namez")]
    [InlineData("ProductCode")]
    public async Task AFieldThatIsNoExternalIdIsNotFound(string field)
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.PatchAsync($"{V}/sobjects/Product2/{field}/W-1", new JsonObject { ["Name"] = "Widget" });

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        reply.AssertBody($$"""[{"message":"Provided external ID field does not exist or is not accessible: {{field}}","errorCode":"NOT_FOUND"}]""");
    }

    [Fact]
    public async Task UpdateOnlyCreatesNothing()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.PatchAsync($"{V}/sobjects/Contact/Email/ada@example.com?updateOnly=true", new JsonObject { ["LastName"] = "Lovelace" });

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NOT_FOUND", reply.ErrorCode);
        Assert.Empty(org.Emulator.GetRecords("Contact"));
    }

    [Fact]
    public async Task TheKeyFieldInTheBodyMustCarryTheKeyValueAndIdNotAtAll()
    {
        await using var org = await TestOrg.StartAsync();

        var same = await org.PatchAsync($"{V}/sobjects/Contact/Email/ada@example.com", new JsonObject { ["LastName"] = "Lovelace", ["Email"] = "ada@example.com" });
        var other = await org.PatchAsync($"{V}/sobjects/Contact/Email/ada@example.com", new JsonObject { ["Email"] = "grace@example.com" });
        var id = await org.PatchAsync($"{V}/sobjects/Contact/Email/ada@example.com", new JsonObject { ["Id"] = (string)same.Body!["id"]! });

        Assert.Equal(HttpStatusCode.Created, same.Status);
        Assert.Equal("INVALID_FIELD", other.ErrorCode);
        id.AssertBody("""[{"message":"The Id field should not be specified in the sobject data.","errorCode":"INVALID_FIELD"}]""");
    }

    [Fact]
    public async Task ReadAndDeleteByAnIdLookupField()
    {
        await using var org = await TestOrg.StartAsync();
        var id = org.Emulator.Seed("Contact", new JsonObject { ["LastName"] = "Lovelace", ["Email"] = "ada@example.com" });

        var read = await org.GetAsync($"{V}/sobjects/Contact/Email/ada@example.com?fields=LastName");
        var missing = await org.GetAsync($"{V}/sobjects/Contact/Email/grace@example.com");
        var deleted = await org.DeleteAsync($"{V}/sobjects/Contact/Email/ada@example.com");

        read.AssertBody($$"""{"attributes":{"type":"Contact","url":"{{V}}/sobjects/Contact/{{id}}"},"LastName":"Lovelace"}""");
        missing.AssertBody("""[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.True(org.Emulator.IsDeleted(id));
    }

    [Fact]
    public async Task CollectionsUpsertCreatesAndUpdatesWithACreatedFlagPerRecord()
    {
        await using var org = await TestOrg.StartAsync();
        var existing = org.Emulator.Seed("Contact", new JsonObject { ["LastName"] = "Lovelace", ["Email"] = "ada@example.com" });
        org.Emulator.Seed("Contact", new JsonObject { ["LastName"] = "One", ["Email"] = "twice@example.com" });
        org.Emulator.Seed("Contact", new JsonObject { ["LastName"] = "Two", ["Email"] = "twice@example.com" });

        var reply = await org.PatchAsync($"{V}/composite/sobjects/Contact/Email", Batch(false,
            Contact("ada@example.com", "King"), Contact("grace@example.com", "Hopper"), Contact("twice@example.com", "Three"), new JsonObject { ["LastName"] = "No key" }));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var results = reply.Body!.AsArray();
        JsonAssert(results[0], $$"""{"id":"{{existing}}","success":true,"errors":[],"created":false}""");
        Assert.True((bool)results[1]!["created"]!);
        Assert.Equal("DUPLICATE_EXTERNAL_ID", (string)results[2]!["errors"]![0]!["statusCode"]!);
        JsonAssert(results[3], """{"success":false,"errors":[{"statusCode":"MISSING_ARGUMENT","message":"Email not specified","fields":[]}]}""");
        Assert.Equal("King", (string)org.Emulator.GetRecord(existing)!["LastName"]!);
        Assert.Equal(4, org.Emulator.GetRecords("Contact").Count);
    }

    [Fact]
    public async Task CollectionsUpsertWithAllOrNoneRollsBackWhenOneRecordFails()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.PatchAsync($"{V}/composite/sobjects/Contact/Email", Batch(true,
            Contact("ada@example.com", "Lovelace"), Contact("grace@example.com", new string('x', 81)), Contact("alan@example.com", "Turing"), Contact("ALAN@example.com", "Again")));

        var results = reply.Body!.AsArray();
        Assert.Equal("ALL_OR_NONE_OPERATION_ROLLED_BACK", (string)results[0]!["errors"]![0]!["statusCode"]!);
        Assert.Equal("STRING_TOO_LONG", (string)results[1]!["errors"]![0]!["statusCode"]!);
        JsonAssert(results[3], """{"success":false,"errors":[{"statusCode":"DUPLICATE_EXTERNAL_ID","message":"Duplicate external id specified: ALAN@example.com","fields":["Email"]}]}""");
        Assert.Empty(org.Emulator.GetRecords("Contact"));
    }

    [Fact]
    public async Task CollectionsRetrieveTakesIdsAndFieldsInThePostBody()
    {
        await using var org = await TestOrg.StartAsync();
        var id = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Widget", ["ProductCode"] = "W-1" });

        var reply = await org.PostAsync($"{V}/composite/sobjects/Product2", new JsonObject
        {
            ["ids"] = new JsonArray(id, "01t000000000000AAA"), ["fields"] = new JsonArray("Id", "Name", "ProductCode"),
        });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        reply.AssertBody($$"""[{"attributes":{"type":"Product2","url":"{{V}}/sobjects/Product2/{{id}}"},"Id":"{{id}}","Name":"Widget","ProductCode":"W-1"},null]""");
    }

    private static JsonObject Contact(string email, string lastName) =>
        new() { ["attributes"] = new JsonObject { ["type"] = "Contact" }, ["Email"] = email, ["LastName"] = lastName };

    private static JsonObject Batch(bool allOrNone, params JsonObject[] records) =>
        new() { ["allOrNone"] = allOrNone, ["records"] = new JsonArray([.. records]) };

    private static void JsonAssert(JsonNode? actual, string expected) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}\nActual   {actual?.ToJsonString()}");
}
