using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>
/// An org's own objects and fields from a host catalog (the format of the generator's AdditionalFiles): a custom field
/// on a standard object, and a custom object with Salesforce's custom-object semantics.
/// </summary>
public sealed class CustomCatalogTests
{
    /// <summary>A host's catalog: Product2 gains an External ID and a price, and the org has a Project__c object.</summary>
    public const string HostCatalog = """
        {
          "system": "Salesforce",
          "objects": [
            { "name": "Product2", "createable": true, "updateable": true, "deletable": true, "fields": [
              { "name": "Sync_Key__c", "type": "string", "length": 40, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false, "externalId": true, "unique": true },
              { "name": "Price__c", "type": "currency", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false }
            ] },
            { "name": "Project__c", "createable": true, "updateable": true, "deletable": true, "fields": [
              { "name": "Account__c", "type": "reference", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false, "referenceTo": ["Account"] },
              { "name": "Stage__c", "type": "picklist", "length": 255, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false,
                "restrictedPicklist": true, "picklistValues": [ { "value": "Planned", "defaultValue": true }, { "value": "Running" } ] },
              { "name": "Code__c", "type": "string", "length": 20, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false, "externalId": true }
            ] }
          ]
        }
        """;

    private static Task<TestOrg> StartAsync() => TestOrg.StartAsync(o => o.Catalogs.Add(HostCatalog));

    [Fact]
    public async Task ACustomObjectHasACustomKeyPrefixAnOwnerAndANameThatDefaultsToTheId()
    {
        await using var org = await StartAsync();
        var account = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme" });

        var id = await org.CreateAsync("Project__c", new JsonObject { ["Account__c"] = account, ["Stage__c"] = "Planned" });
        var record = (await org.GetAsync($"{V}/sobjects/Project__c/{id}")).Body!;
        var query = await org.GetAsync($"{V}/query?q={Uri.EscapeDataString("SELECT Name, Account__r.Name FROM Project__c WHERE Stage__c = 'Planned'")}");

        Assert.StartsWith("a00", id, StringComparison.Ordinal);
        Assert.Equal(id, (string)record["Name"]!);
        Assert.Equal(org.Emulator.UserId, (string)record["OwnerId"]!);
        Assert.Equal("Acme", (string)query.Body!["records"]![0]!["Account__r"]!["Name"]!);
    }

    [Fact]
    public async Task DescribeAndDescribeGlobalShowTheHostsObjectsAndFields()
    {
        await using var org = await StartAsync();

        var project = (await org.GetAsync($"{V}/sobjects/Project__c/describe")).Body!;
        var product = (await org.GetAsync($"{V}/sobjects/Product2/describe")).Body!;
        var global = (await org.GetAsync($"{V}/sobjects")).Body!;

        Assert.True((bool)project["custom"]!);
        Assert.Equal("a00", (string)project["keyPrefix"]!);
        Assert.Equal("Project", (string)project["label"]!);
        var fields = project["fields"]!.AsArray().ToDictionary(f => (string)f!["name"]!);
        Assert.Equal(["Id", "IsDeleted", "OwnerId", "Name", "Account__c", "Stage__c", "Code__c"], fields.Keys.Take(7));
        Assert.Equal("Account__r", (string)fields["Account__c"]!["relationshipName"]!);
        Assert.True((bool)fields["Account__c"]!["custom"]!);
        Assert.Equal(["Planned", "Running"], fields["Stage__c"]!["picklistValues"]!.AsArray().Select(v => (string)v!["value"]!));
        Assert.Contains(product["fields"]!.AsArray(), f => (string)f!["name"]! == "Sync_Key__c" && (bool)f["externalId"]!);
        Assert.Contains(global["sobjects"]!.AsArray(), s => (string)s!["name"]! == "Project__c" && (bool)s["custom"]!);
    }

    [Fact]
    public async Task AnExternalIdFieldOfTheHostCatalogKeysUpserts()
    {
        await using var org = await StartAsync();

        var created = await org.PatchAsync($"{V}/sobjects/Product2/Sync_Key__c/SK-1", new JsonObject { ["Name"] = "Widget", ["Price__c"] = 9.5 });
        var updated = await org.PatchAsync($"{V}/sobjects/Product2/Sync_Key__c/sk-1", new JsonObject { ["Price__c"] = 10.0 });
        var project = await org.PatchAsync($"{V}/sobjects/Project__c/Code__c/P-1", new JsonObject { ["Stage__c"] = "Running" });
        var otherCase = await org.PatchAsync($"{V}/sobjects/Project__c/Code__c/p-1", new JsonObject { ["Stage__c"] = "Running" });
        var byName = await org.PatchAsync($"{V}/sobjects/Project__c/Name/P-1", new JsonObject());

        // A unique External ID matches case-insensitively, a non-unique one exactly; Name keys no upsert on a custom object.
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.False((bool)updated.Body!["created"]!);
        Assert.Equal(10.0, (double)org.Emulator.GetRecord((string)created.Body!["id"]!)!["Price__c"]!);
        Assert.True((bool)project.Body!["created"]!);
        Assert.True((bool)otherCase.Body!["created"]!);
        Assert.Equal(HttpStatusCode.NotFound, byName.Status);
    }

    [Fact]
    public async Task TheHostsRestrictedPicklistIsEnforced()
    {
        await using var org = await StartAsync();

        var reply = await org.PostAsync($"{V}/sobjects/Project__c", new JsonObject { ["Stage__c"] = "Done" });

        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", reply.ErrorCode);
    }

    [Fact]
    public async Task AnObjectInNoCatalogAnswersAsTheRealOrgDoesAndSoqlAndCollectionsNameIt()
    {
        await using var org = await TestOrg.StartAsync();

        var describe = await org.GetAsync($"{V}/sobjects/Project__c/describe");
        var query = await org.GetAsync($"{V}/query?q={Uri.EscapeDataString("SELECT Id FROM Project__c")}");
        var create = await org.PostAsync($"{V}/composite/sobjects", new JsonObject
        {
            ["records"] = new JsonArray(new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Project__c" } }),
        });
        var seed = Assert.Throws<ArgumentException>(() => org.Emulator.Seed("Project__c", []));

        describe.AssertBody("""[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""");
        query.AssertBody("""[{"message":"sObject type 'Project__c' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.","errorCode":"INVALID_TYPE"}]""");
        Assert.Equal("sObject type 'Project__c' is not supported.", (string)create.Body![0]!["errors"]![0]!["message"]!);
        Assert.Contains("'Project__c'", seed.Message, StringComparison.Ordinal);
        Assert.Contains("SalesforceEmulatorOptions.Catalogs", seed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACatalogOfAnotherSystemFailsTheStartAndSaysWhich()
    {
        var options = new SalesforceEmulatorOptions();
        options.Catalogs.Add("""{ "system": "Customcrm", "objects": [] }""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SalesforceEmulator.StartAsync(options));

        Assert.Equal("SalesforceEmulatorOptions.Catalogs[0]: The catalog is of Customcrm, not Salesforce.", error.Message);
    }
}
