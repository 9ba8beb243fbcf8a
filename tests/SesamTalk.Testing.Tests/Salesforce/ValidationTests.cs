using System.Net;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

public sealed class ValidationTests
{
    private static async Task<Reply> CreateAsync(string type, string body, Action<TestOrg>? seed = null)
    {
        await using var org = await TestOrg.StartAsync();
        seed?.Invoke(org);
        return await org.SendAsync(HttpMethod.Post, $"{V}/sobjects/{type}", body);
    }

    [Fact]
    public async Task UnknownFieldIsInvalidField()
    {
        var reply = await CreateAsync("Product2", """{"Name":"Widget","Colour__c":"red"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        reply.AssertBody("""[{"message":"No such column 'Colour__c' on sobject of type Product2","errorCode":"INVALID_FIELD"}]""");
    }

    [Fact]
    public async Task IdInCreateBodyIsInvalidField()
    {
        var reply = await CreateAsync("Product2", """{"Id":"01t000000000001AAA","Name":"Widget"}""");

        reply.AssertBody("""[{"message":"The Id field should not be specified in the sobject data.","errorCode":"INVALID_FIELD"}]""");
    }

    [Fact]
    public async Task ReadOnlyFieldIsInvalidFieldForInsertUpdate()
    {
        var reply = await CreateAsync("Product2", """{"Name":"Widget","IsArchived":true,"SystemModstamp":"2024-01-01T00:00:00.000+0000"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        reply.AssertBody("""[{"message":"Unable to create/update fields: IsArchived, SystemModstamp. Please check the security settings of this field and verify that it is read/write for your profile or permission set.","errorCode":"INVALID_FIELD_FOR_INSERT_UPDATE","fields":["IsArchived","SystemModstamp"]}]""");
    }

    [Fact]
    public async Task CreateOnlyFieldCannotBeUpdated()
    {
        await using var org = await TestOrg.StartAsync();
        var book = await org.CreateAsync("Pricebook2", new JsonObject { ["Name"] = "Standard" });
        var product = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Widget" });
        var entry = await org.CreateAsync("PricebookEntry", new JsonObject { ["Pricebook2Id"] = book, ["Product2Id"] = product, ["UnitPrice"] = 9.5 });

        var reply = await org.PatchAsync($"{V}/sobjects/PricebookEntry/{entry}", new JsonObject { ["Product2Id"] = product });

        Assert.Equal("INVALID_FIELD_FOR_INSERT_UPDATE", reply.ErrorCode);
    }

    [Theory]
    [InlineData("""{"Name":"Widget","IsActive":"yes"}""", "Cannot deserialize instance of boolean from VALUE_STRING value yes or request may be missing a required field")]
    [InlineData("""{"Name":42}""", "Cannot deserialize instance of string from VALUE_NUMBER_INT value 42 or request may be missing a required field")]
    public async Task WrongJsonTypeIsParserError(string body, string message)
    {
        var reply = await CreateAsync("Product2", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        reply.AssertBody(new JsonArray(new JsonObject { ["message"] = message, ["errorCode"] = "JSON_PARSER_ERROR" }).ToJsonString());
    }

    [Theory]
    [InlineData("""{"Name":"Widget",""")]
    [InlineData("")]
    public async Task MalformedJsonIsParserError(string body)
    {
        var reply = await CreateAsync("Product2", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("JSON_PARSER_ERROR", reply.ErrorCode);
    }

    [Fact]
    public async Task TooLongStringIsStringTooLong()
    {
        var name = new string('x', 81);

        var reply = await CreateAsync("Division", $$"""{"Name":"{{name}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        reply.AssertBody(new JsonArray(new JsonObject
            {
                ["message"] = $"Name: data value too large: {name} (max length=80)",
                ["errorCode"] = "STRING_TOO_LONG",
                ["fields"] = new JsonArray("Name"),
            }).ToJsonString());
    }

    [Fact]
    public async Task MissingRequiredFieldsAreListed()
    {
        var reply = await CreateAsync("Order", """{"Name":"web order 17"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        reply.AssertBody("""[{"message":"Required fields are missing: [AccountId, EffectiveDate, Status]","errorCode":"REQUIRED_FIELD_MISSING","fields":["AccountId","EffectiveDate","Status"]}]""");
    }

    [Fact]
    public async Task ClearingARequiredFieldIsRequiredFieldMissing()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Widget" });

        var reply = await org.PatchAsync($"{V}/sobjects/Product2/{id}", new JsonObject { ["Name"] = null });

        Assert.Equal("REQUIRED_FIELD_MISSING", reply.ErrorCode);
    }

    [Fact]
    public async Task ReferenceOfWrongShapeOrTypeIsMalformedId()
    {
        await using var org = await TestOrg.StartAsync();
        var product = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Widget" });

        var garbage = await org.PostAsync($"{V}/sobjects/Contact", new JsonObject { ["LastName"] = "Smith", ["AccountId"] = "xyz" });
        var wrongType = await org.PostAsync($"{V}/sobjects/Contact", new JsonObject { ["LastName"] = "Smith", ["AccountId"] = product });

        garbage.AssertBody("""[{"message":"Account ID: id value of incorrect type: xyz","errorCode":"MALFORMED_ID","fields":["AccountId"]}]""");
        Assert.Equal("MALFORMED_ID", wrongType.ErrorCode);
    }

    [Fact]
    public async Task ReferenceToMissingRecordIsInvalidCrossReference()
    {
        var reply = await CreateAsync("Contact", """{"LastName":"Smith","AccountId":"001000000000001AAA"}""");

        Assert.Equal("INVALID_CROSS_REFERENCE_KEY", reply.ErrorCode);
    }

    [Fact]
    public async Task BadEmailIsInvalidEmailAddress()
    {
        var reply = await CreateAsync("Contact", """{"LastName":"Smith","Email":"not an email"}""");

        Assert.Equal("INVALID_EMAIL_ADDRESS", reply.ErrorCode);
    }

    [Fact]
    public async Task DatesAndDatetimesAreNormalised()
    {
        await using var org = await TestOrg.StartAsync();
        var account = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme" });

        var id = await org.CreateAsync("Order", new JsonObject
        {
            ["AccountId"] = account, ["EffectiveDate"] = "2024-09-10", ["Status"] = "Draft",
        });
        var reply = await org.PatchAsync($"{V}/sobjects/Order/{id}", new JsonObject { ["ActivatedDate"] = "2024-09-10T16:20:17+02:00" });
        var bad = await org.PatchAsync($"{V}/sobjects/Order/{id}", new JsonObject { ["EffectiveDate"] = "10/09/2024" });

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        Assert.Equal("2024-09-10T14:20:17.000+0000", (string)org.Emulator.GetRecord(id)!["ActivatedDate"]!);
        Assert.Equal("JSON_PARSER_ERROR", bad.ErrorCode);
    }

    [Fact]
    public async Task SeedingChecksTheSchemaToo()
    {
        await using var org = await TestOrg.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => org.Emulator.Seed("Product2", new JsonObject { ["Nope"] = 1 }));

        Assert.Contains("No such column 'Nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestrictedPicklistRefusesValuesItDoesNotList()
    {
        await using var org = await TestOrg.StartAsync();
        var account = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme" });

        var reply = await org.PostAsync($"{V}/sobjects/Order", new JsonObject
        {
            ["AccountId"] = account, ["EffectiveDate"] = "2024-09-10", ["Status"] = "Shipped",
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        reply.AssertBody("""[{"message":"Status: bad value for restricted picklist field: Shipped","errorCode":"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST","fields":["Status"]}]""");
    }

    [Fact]
    public async Task AnUnrestrictedPicklistTakesValuesItDoesNotList()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.PostAsync($"{V}/sobjects/Product2", new JsonObject { ["Name"] = "Widget", ["Family"] = "Hardware" });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
    }
}
