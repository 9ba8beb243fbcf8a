using System.Net;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

public sealed class SObjectCrudTests
{
    [Fact]
    public async Task CreateAnswers201WithIdAndLocation()
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.PostAsync($"{V}/sobjects/Product2/", new JsonObject { ["Name"] = "Widget", ["ProductCode"] = "W-1" });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var id = (string)reply.Body!["id"]!;
        Assert.Equal($$"""{"id":"{{id}}","success":true,"errors":[]}""", reply.Body.ToJsonString());
        Assert.Equal($"{V}/sobjects/Product2/{id}", reply.Headers["Location"]);
        Assert.Matches("^01t[0-9A-Za-z]{12}[A-Z0-5]{3}$", id);
    }

    [Fact]
    public async Task RetrieveReturnsEveryFieldWithSystemFieldsInSalesforceFormat()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 9, 10, 14, 20, 17, 456, TimeSpan.Zero));
        await using var org = await TestOrg.StartAsync(clock: clock);
        var id = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Widget" });

        var record = (await org.GetAsync($"{V}/sobjects/Product2/{id}")).Body!.AsObject();

        Assert.Equal("Product2", (string)record["attributes"]!["type"]!);
        Assert.Equal($"{V}/sobjects/Product2/{id}", (string)record["attributes"]!["url"]!);
        Assert.Equal(id, (string)record["Id"]!);
        Assert.Equal("2024-09-10T14:20:17.000+0000", (string)record["SystemModstamp"]!);
        Assert.Equal("2024-09-10T14:20:17.000+0000", (string)record["CreatedDate"]!);
        Assert.Equal(org.Emulator.UserId, (string)record["CreatedById"]!);
        Assert.False((bool)record["IsActive"]!);
        Assert.False((bool)record["IsDeleted"]!);
        Assert.True(record.ContainsKey("Description"));
        Assert.Null(record["Description"]);
    }

    [Fact]
    public async Task RetrieveWithFieldsReturnsOnlyThoseFields()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Widget", ["ProductCode"] = "W-1" });

        var record = (await org.GetAsync($"{V}/sobjects/Product2/{id}?fields=Name,ProductCode")).Body!.AsObject();

        Assert.Equal(["attributes", "Name", "ProductCode"], record.Select(p => p.Key));
    }

    [Fact]
    public async Task UpdateChangesOnlyTheSentFieldsAndStampsTheRecord()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 9, 10, 14, 0, 0, TimeSpan.Zero));
        await using var org = await TestOrg.StartAsync(clock: clock);
        var id = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Widget", ["ProductCode"] = "W-1", ["Description"] = "old" });
        clock.Advance(TimeSpan.FromMinutes(5));

        var reply = await org.PatchAsync($"{V}/sobjects/Product2/{id}", new JsonObject { ["Description"] = null, ["Name"] = "Gadget" });

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        Assert.Null(reply.Body);
        var stored = org.Emulator.GetRecord(id)!;
        Assert.Equal("Gadget", (string)stored["Name"]!);
        Assert.Equal("W-1", (string)stored["ProductCode"]!);
        Assert.Null(stored["Description"]);
        Assert.Equal("2024-09-10T14:05:00.000+0000", (string)stored["SystemModstamp"]!);
        Assert.Equal("2024-09-10T14:00:00.000+0000", (string)stored["CreatedDate"]!);
    }

    [Fact]
    public async Task PostWithHttpMethodOverrideUpdates()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Widget" });

        var reply = await org.PostAsync($"{V}/sobjects/Product2/{id}?_HttpMethod=PATCH", new JsonObject { ["Name"] = "Gadget" });

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        Assert.Equal("Gadget", (string)org.Emulator.GetRecord(id)!["Name"]!);
    }

    [Fact]
    public async Task DeleteMovesTheRecordToTheRecycleBin()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateAsync("Product2", new JsonObject { ["Name"] = "Widget" });

        var deleted = await org.DeleteAsync($"{V}/sobjects/Product2/{id}");
        var again = await org.DeleteAsync($"{V}/sobjects/Product2/{id}");
        var read = await org.GetAsync($"{V}/sobjects/Product2/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.True(org.Emulator.IsDeleted(id));
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        again.AssertBody("""[{"message":"entity is deleted","errorCode":"ENTITY_IS_DELETED","fields":[]}]""");
        Assert.Equal("ENTITY_IS_DELETED", read.ErrorCode);
    }

    [Theory]
    [InlineData("not-an-id", "Provided external ID field does not exist or is not accessible: not-an-id")]
    [InlineData("01t000000000001AAA", "The requested resource does not exist")]
    public async Task UnknownIdsAreNotFound(string id, string message)
    {
        await using var org = await TestOrg.StartAsync();

        var reply = await org.GetAsync($"{V}/sobjects/Product2/{id}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        reply.AssertBody(new JsonArray(new JsonObject { ["message"] = message, ["errorCode"] = "NOT_FOUND" }).ToJsonString());
    }

    [Fact]
    public async Task IdsOfAnotherTypeAreNotFound()
    {
        await using var org = await TestOrg.StartAsync();
        var account = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme" });

        var reply = await org.GetAsync($"{V}/sobjects/Product2/{account}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task InvoiceCannotBeCreatedThroughTheApiButCanBeUpdated()
    {
        await using var org = await TestOrg.StartAsync();
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme" });
        var invoice = org.Emulator.Seed("Invoice", new JsonObject
        {
            ["BillingAccountId"] = account,
            ["InvoiceDate"] = "2024-09-01",
            ["DueDate"] = "2024-10-01",
        });

        var create = await org.PostAsync($"{V}/sobjects/Invoice", new JsonObject { ["BillingAccountId"] = account });
        var update = await org.PatchAsync($"{V}/sobjects/Invoice/{invoice}", new JsonObject { ["Description"] = "paid by card" });
        var delete = await org.DeleteAsync($"{V}/sobjects/Invoice/{invoice}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, create.Status);
        create.AssertBody("""[{"message":"HTTP Method 'POST' not allowed. Allowed are HEAD,GET","errorCode":"METHOD_NOT_ALLOWED"}]""");
        Assert.Equal(HttpStatusCode.NoContent, update.Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.Status);
        Assert.StartsWith("3tt", invoice, StringComparison.Ordinal);
        Assert.Equal("00000101", (string)org.Emulator.GetRecord(invoice)!["DocumentNumber"]!);
    }

    [Fact]
    public async Task DivisionCannotBeDeleted()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateAsync("Division", new JsonObject { ["Name"] = "North" });

        var reply = await org.DeleteAsync($"{V}/sobjects/Division/{id}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", reply.ErrorCode);
        Assert.False(org.Emulator.GetRecord(id)!.ContainsKey("IsDeleted"));
    }

    [Fact]
    public async Task DisabledAndUnknownObjectsAreNotFound()
    {
        await using var org = await TestOrg.StartAsync(o => o.DisabledObjects.Add("Quote"));

        var quote = await org.PostAsync($"{V}/sobjects/Quote", new JsonObject { ["Name"] = "Q" });
        var unknown = await org.PostAsync($"{V}/sobjects/Whizbang", new JsonObject { ["Name"] = "W" });

        Assert.Equal(HttpStatusCode.NotFound, quote.Status);
        Assert.Equal("NOT_FOUND", unknown.ErrorCode);
    }

    [Fact]
    public async Task ComputedFieldsAndAutoNumbersAreFilledIn()
    {
        await using var org = await TestOrg.StartAsync();
        var account = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme" });
        var contact = await org.CreateAsync("Contact", new JsonObject
        {
            ["FirstName"] = "John", ["LastName"] = "Smith", ["AccountId"] = account, ["MailingCity"] = "New York",
        });
        var order = await org.CreateAsync("Order", new JsonObject { ["AccountId"] = account, ["EffectiveDate"] = "2024-09-10", ["Status"] = "Draft" });

        var stored = org.Emulator.GetRecord(contact)!;
        Assert.Equal("John Smith", (string)stored["Name"]!);
        Assert.Equal("New York", (string)stored["MailingAddress"]!["city"]!);
        Assert.Null(stored["OtherAddress"]);
        Assert.Equal(org.Emulator.UserId, (string)stored["OwnerId"]!);
        var orderRecord = org.Emulator.GetRecord(order)!;
        Assert.Equal("00000101", (string)orderRecord["OrderNumber"]!);
        Assert.Equal("Draft", (string)orderRecord["StatusCode"]!);
    }

    [Fact]
    public async Task DescribeReportsTheSchema()
    {
        await using var org = await TestOrg.StartAsync();

        var describe = (await org.GetAsync($"{V}/sobjects/Product2/describe")).Body!;

        Assert.Equal("01t", (string)describe["keyPrefix"]!);
        var name = describe["fields"]!.AsArray().Single(f => (string)f!["name"]! == "Name")!;
        Assert.Equal(255, (int)name["length"]!);
        Assert.False((bool)name["nillable"]!);
        Assert.True((bool)name["idLookup"]!);
        var modstamp = describe["fields"]!.AsArray().Single(f => (string)f!["name"]! == "SystemModstamp")!;
        Assert.False((bool)modstamp["updateable"]!);
    }
}
