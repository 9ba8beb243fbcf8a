using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.Custom;

public sealed class CatalogTests
{
    private const string Catalog = """
        {
          "system": "Customcrm",
          "systemFields": [
            { "name": "Id", "type": "id", "key": true, "createable": false, "updateable": false, "nillable": false, "defaultedOnCreate": true },
            { "name": "CreatedAt", "type": "datetime", "createable": false, "updateable": false, "nillable": false, "defaultedOnCreate": true }
          ],
          "objects": [
            { "name": "Product", "createable": true, "updateable": true, "deletable": false, "fields": [
              { "name": "Sku", "type": "string", "length": 10, "createable": true, "updateable": false, "nillable": false, "defaultedOnCreate": false, "unique": true },
              { "name": "Name", "type": "string", "length": 80, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false },
              { "name": "Price", "type": "currency", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false },
              { "name": "Stock", "type": "int", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false },
              { "name": "Active", "type": "boolean", "createable": true, "updateable": true, "nillable": false, "defaultedOnCreate": true },
              { "name": "ReleaseDate", "type": "date", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false },
              { "name": "SyncedAt", "type": "datetime", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false },
              { "name": "Supplier", "type": "guid", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false }
            ]},
            { "name": "Invoice", "createable": false, "updateable": true, "deletable": true, "fields": [
              { "name": "Number", "type": "string", "createable": false, "updateable": false, "nillable": false, "defaultedOnCreate": true }
            ]}
          ]
        }
        """;

    private static Task<TestSystem> StartAsync() => TestSystem.StartAsync(o => o.Catalog = Catalog);

    private static JsonObject Body(JsonObject fields) => new() { ["fields"] = fields };

    [Fact]
    public async Task AValidRecordIsCreatedUnderTheCatalogSpellingOfItsType()
    {
        await using var system = await StartAsync();

        var reply = await system.PostAsync("product", Body(new JsonObject
        {
            ["sku"] = "W-1", ["Price"] = 9.99m, ["Stock"] = 3, ["Active"] = true, ["ReleaseDate"] = "2024-09-10",
            ["SyncedAt"] = "2024-09-10T14:20:17.123Z", ["Supplier"] = "6f9619ff-8b86-d011-b42d-00cf4fc964ff",
        }));

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("Product", (string)reply.Body!["type"]!);
        Assert.Equal("W-1", (string)reply.Body["fields"]!["Sku"]!);
        Assert.Single(system.Emulator.GetRecords("Product"));
    }

    [Fact]
    public async Task EveryBadFieldIsNamedInTheProblem()
    {
        await using var system = await StartAsync();

        var reply = await system.PostAsync("Product", Body(new JsonObject
        {
            ["Name"] = new string('n', 81), ["Price"] = "cheap", ["Stock"] = 1.5, ["ReleaseDate"] = "10.09.2024",
            ["SyncedAt"] = "2024-09-10T14:20:17", ["Supplier"] = "not-a-guid", ["Colour"] = "red", ["CreatedAt"] = "2024-09-10T14:20:17Z",
            ["Active"] = null,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var problem = reply.Problem;
        Assert.Equal("validation", (string)problem["code"]!);
        Assert.Equal("Product", (string)problem["recordType"]!);
        Assert.False(problem.ContainsKey("recordId"));
        var errors = problem["errors"]!.AsArray().Select(e => ((string)e!["field"]!, (string)e["code"]!)).ToList();
        Assert.Equal(
            [("Name", "too-long"), ("Price", "invalid-type"), ("Stock", "invalid-type"), ("ReleaseDate", "invalid-type"),
             ("SyncedAt", "invalid-type"), ("Supplier", "invalid-type"), ("Colour", "unknown-field"), ("CreatedAt", "read-only"),
             ("Active", "required"), ("Sku", "required")],
            errors);
        Assert.Contains("Sku", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Empty(system.Emulator.GetRecords("Product"));
    }

    [Fact]
    public async Task UpdatesRespectUpdateabilityAndNameTheRecord()
    {
        await using var system = await StartAsync();
        var id = system.Emulator.Seed("Product", new JsonObject { ["Sku"] = "W-1", ["Active"] = true });

        var reply = await system.PutAsync($"Product/{id}", Body(new JsonObject { ["Sku"] = "W-2", ["Name"] = "ok" }));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(id, (string)reply.Problem["recordId"]!);
        Assert.Equal("read-only", (string)reply.Problem["errors"]![0]!["code"]!);
        Assert.Null(system.Emulator.GetRecord("Product", id)!.Fields["Name"]);
    }

    [Fact]
    public async Task TypesAndOperationsOutsideTheCatalogAreRefused()
    {
        await using var system = await StartAsync();
        var id = system.Emulator.Seed("Product", new JsonObject { ["Sku"] = "W-1", ["Active"] = true });

        var unknown = await system.GetAsync("Order/changes");
        var invoice = await system.PostAsync("Invoice", Body([]));
        var delete = await system.DeleteAsync($"Product/{id}");
        var search = await system.PostAsync("Product/search", new JsonObject { ["match"] = new JsonObject { ["Colour"] = "red" } });

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("unknown-type", unknown.Code);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, invoice.Status);
        Assert.Equal("not-allowed", invoice.Code);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.Status);
        Assert.Equal("unknown-field", (string)search.Problem["errors"]![0]!["code"]!);
        Assert.False(system.Emulator.GetRecord("Product", id)!.Deleted);
    }

    [Fact]
    public async Task SeedingIsCheckedButMaySetReadOnlyFields()
    {
        await using var system = await StartAsync();

        var id = system.Emulator.Seed("Invoice", new JsonObject { ["Number"] = "INV-1" });

        Assert.Equal("INV-1", (string)system.Emulator.GetRecord("Invoice", id)!.Fields["Number"]!);
        Assert.Throws<ArgumentException>(() => system.Emulator.Seed("Invoice", new JsonObject { ["Colour"] = "red" }));
        Assert.Throws<ArgumentException>(() => system.Emulator.Seed("Order", []));
    }

    [Fact]
    public async Task AnInvalidCatalogIsRefusedAtStart()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TestSystem.StartAsync(o => o.Catalog = """{"system": "X", "objects": [{"name": "A"}]}"""));

        Assert.Contains("createable", error.Message, StringComparison.Ordinal);
    }
}
