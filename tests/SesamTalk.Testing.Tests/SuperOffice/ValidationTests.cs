using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.SuperOffice;

public sealed class ValidationTests
{
    [Fact]
    public async Task UnknownIdGivesTheDocumentedNotFoundBody()
    {
        await using var tenant = await TestTenant.StartAsync();

        var reply = await tenant.GetAsync($"{tenant.Root}/Contact/99999");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.True(JsonNode.DeepEquals(Fixtures.SuperOffice.Load("error_404_contact_not_found.json"), reply.Body), reply.Text);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task WritesToUnknownIdsAreNotFound(string method)
    {
        await using var tenant = await TestTenant.StartAsync();

        var reply = await tenant.SendAsync(new HttpMethod(method), $"{tenant.Root}/Person/12", method == "DELETE" ? null : """{"Firstname":"Kari"}""");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("SoNotFoundException", reply.ErrorType);
        Assert.Equal("Person id 12 not found", reply.ErrorMessage);
    }

    [Theory]
    [InlineData("Contact", """{"Department":"Sales"}""", "The mandatory field 'Name' is empty.")]
    [InlineData("Contact", """{"Name":"  "}""", "The mandatory field 'Name' is empty.")]
    [InlineData("Person", """{"Firstname":"Kari"}""", "The mandatory field 'Contact' is empty.")]
    [InlineData("Person", """{"Firstname":"Kari","Contact":{"ContactId":0}}""", "The mandatory field 'Contact' is empty.")]
    [InlineData("Person", """{"Firstname":"Kari","Contact":{"ContactId":41}}""", "Contact: Contact id 41 not found")]
    [InlineData("Contact", """{"Name":"A","Country":578}""", "The value 578 is not valid for the field 'Country'.")]
    [InlineData("Contact", """{"Name":"A","NoMailing":"yes"}""", "The value \"yes\" is not valid for the field 'NoMailing'.")]
    [InlineData("Contact", """{"Name":"A","Emails":"a@b.no"}""", "The value \"a@b.no\" is not valid for the field 'Emails'.")]
    [InlineData("Sale", """{"Heading":"A","Saledate":"next week"}""", "The value \"next week\" is not valid for the field 'Saledate'.")]
    public async Task InvalidCreatesAreRefusedWithAValidationBody(string entity, string body, string message)
    {
        await using var tenant = await TestTenant.StartAsync();

        var reply = await tenant.SendAsync(HttpMethod.Post, $"{tenant.Root}/{entity}", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("SoValidationException", reply.ErrorType);
        Assert.Equal(message, reply.ErrorMessage);
        Assert.Empty(tenant.Emulator.GetRecords(entity));
    }

    [Fact]
    public async Task ClearingAMandatoryFieldIsRefused()
    {
        await using var tenant = await TestTenant.StartAsync();
        var id = tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Albex" });

        var reply = await tenant.PatchAsync($"{tenant.Root}/Contact/{id}", new JsonObject { ["Name"] = null });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("The mandatory field 'Name' is empty.", reply.ErrorMessage);
    }

    [Fact]
    public async Task ReadOnlyAndUnknownPropertiesAreIgnoredAsNetServerDoes()
    {
        await using var tenant = await TestTenant.StartAsync();

        var created = await tenant.CreateAsync("Contact", new JsonObject
        {
            ["Name"] = "Albex", ["ContactId"] = 500, ["ActiveErpLinks"] = 9, ["TableRight"] = null, ["NotAField"] = "x",
        });

        Assert.Equal(1, (int)created["ContactId"]!);
        Assert.Null(created["ActiveErpLinks"]);
    }

    [Fact]
    public async Task BodiesThatAreNotJsonAndUnknownEntitiesAreRefused()
    {
        await using var tenant = await TestTenant.StartAsync();

        var broken = await tenant.SendAsync(HttpMethod.Post, $"{tenant.Root}/Contact", "{\"Name\":");
        var unknown = await tenant.GetAsync($"{tenant.Root}/Widget/1");

        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.Equal("SoValidationException", broken.ErrorType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("SoNotFoundException", unknown.ErrorType);
    }

    [Fact]
    public async Task SeedingChecksTheCatalog()
    {
        await using var tenant = await TestTenant.StartAsync();

        Assert.Throws<ArgumentException>(() => tenant.Emulator.Seed("Contact", new JsonObject { ["Nmae"] = "Typo" }));
        Assert.Throws<ArgumentException>(() => tenant.Emulator.Seed("Contact", new JsonObject { ["Department"] = "No name" }));
        Assert.Throws<ArgumentException>(() => tenant.Emulator.Seed("Quote", new JsonObject()));
        var id = tenant.Emulator.Seed("Contact", new JsonObject { ["ContactId"] = 40, ["Name"] = "Kept id" });
        Assert.Equal(40, id);
        Assert.Throws<ArgumentException>(() => tenant.Emulator.Seed("Contact", new JsonObject { ["ContactId"] = 40, ["Name"] = "Twice" }));
        Assert.Equal(41, tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Next" }));
    }
}
