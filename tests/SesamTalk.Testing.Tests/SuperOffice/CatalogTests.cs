using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Testing.Tests.SuperOffice;

/// <summary>Extra catalogs: fields the standard catalog lacks, added to the entities the emulator serves.</summary>
public sealed class CatalogTests
{
    private const string Extra = """
        { "system": "SuperOffice", "objects": [ { "name": "Contact", "createable": true, "updateable": true, "deletable": true, "fields": [
          { "name": "ExtraInfo", "type": "string", "length": 200, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false }
        ] } ] }
        """;

    [Fact]
    public async Task AnExtraCatalogAddsFieldsToAnEntity()
    {
        await using var tenant = await TestTenant.StartAsync(o => o.Catalogs.Add(Extra));

        var created = await tenant.CreateAsync("Contact", new JsonObject { ["Name"] = "Albex AS", ["ExtraInfo"] = "Key account" });
        var read = await tenant.GetAsync($"{tenant.Root}/Contact/{(int)created["ContactId"]!}");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("Key account", (string)read.Body!["ExtraInfo"]!);
    }

    [Fact]
    public async Task ACatalogOfAnotherSystemFailsTheStart()
    {
        var options = new SuperOfficeEmulatorOptions();
        options.Catalogs.Add("""{ "system": "Salesforce", "objects": [] }""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SuperOfficeEmulator.StartAsync(options));

        Assert.Equal("SuperOfficeEmulatorOptions.Catalogs[0]: The catalog is of Salesforce, not SuperOffice.", error.Message);
    }
}
