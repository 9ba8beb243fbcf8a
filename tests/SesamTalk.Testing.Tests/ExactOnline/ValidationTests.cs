using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.ExactOnline;

/// <summary>Catalog rules on the wire: one 400 with Exact's error body per refused write, and nothing stored.</summary>
public sealed class ValidationTests
{
    private static async Task AssertRefusedAsync(TestDivision division, string path, JsonObject body, string message, HttpMethod? method = null)
    {
        var reply = await division.SendAsync(method ?? HttpMethod.Post, $"{division.Root}/{path}", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(message, reply.ErrorMessage);
    }

    [Fact]
    public async Task UnknownPropertyIsRefused()
    {
        await using var division = await TestDivision.StartAsync();

        await AssertRefusedAsync(division, "crm/Accounts", new JsonObject { ["Name"] = "A", ["Colour"] = "red" },
            "Error processing request stream. The property name 'Colour' specified for type 'Exact.Web.Api.Models.Account' is not valid.");
        Assert.Empty(division.Emulator.GetRecords("Accounts"));
    }

    [Fact]
    public async Task ReadOnlyPropertiesAreRefusedOnCreateAndUpdate()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();
        var order = division.Emulator.Seed("SalesOrders", new JsonObject
        {
            ["OrderedBy"] = account.ToString(), ["SalesOrderLines"] = new JsonArray(new JsonObject { ["Item"] = item.ToString() }),
        });

        await AssertRefusedAsync(division, "crm/Accounts", new JsonObject { ["Name"] = "A", ["Created"] = "2024-01-01T00:00:00" },
            "The property 'Created' is read-only and cannot be set.");
        await AssertRefusedAsync(division, "crm/Accounts", new JsonObject { ["Name"] = "A", ["ID"] = Guid.NewGuid().ToString() },
            "The property 'ID' is read-only and cannot be set.");
        await AssertRefusedAsync(division, $"salesorder/SalesOrders(guid'{order}')", new JsonObject { ["OrderedBy"] = account.ToString() },
            "The property 'OrderedBy' is read-only and cannot be set.", HttpMethod.Put);
    }

    [Fact]
    public async Task MandatoryFieldsAndLinesAreRequired()
    {
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();

        await AssertRefusedAsync(division, "logistics/Items", new JsonObject { ["Code"] = "X" }, "Mandatory: Description");
        await AssertRefusedAsync(division, "crm/Accounts", new JsonObject { ["Name"] = null }, "Mandatory: Name");
        await AssertRefusedAsync(division, "salesorder/SalesOrders", new JsonObject { ["OrderedBy"] = account.ToString() }, "Mandatory: SalesOrderLines");
        await AssertRefusedAsync(division, "crm/Quotations", new JsonObject { ["OrderAccount"] = account.ToString(), ["QuotationLines"] = new JsonArray() },
            "Mandatory: QuotationLines");
        await AssertRefusedAsync(division, "crm/Quotations", new JsonObject
        {
            ["OrderAccount"] = account.ToString(), ["QuotationLines"] = new JsonArray(new JsonObject { ["Quantity"] = 1 }),
        }, "Mandatory: Item");
        await AssertRefusedAsync(division, "crm/QuotationLines", new JsonObject { ["Item"] = item.ToString() }, "Mandatory: QuotationID");
        await AssertRefusedAsync(division, $"crm/Accounts(guid'{account}')", new JsonObject { ["Name"] = null }, "Mandatory: Name", HttpMethod.Put);
        Assert.Empty(division.Emulator.GetRecords("Quotations"));
        Assert.Empty(division.Emulator.GetRecords("QuotationLines"));
    }

    [Fact]
    public async Task WrongTypesAreRefused()
    {
        await using var division = await TestDivision.StartAsync();

        await AssertRefusedAsync(division, "crm/Accounts", new JsonObject { ["Name"] = 5 },
            "Error processing request stream. The value '5' of property 'Name' is not a valid Edm.String.");
        await AssertRefusedAsync(division, "crm/Accounts", new JsonObject { ["Name"] = "A", ["Parent"] = "abc" },
            "Error processing request stream. The value 'abc' of property 'Parent' is not a valid Edm.Guid.");
        await AssertRefusedAsync(division, "crm/Accounts", new JsonObject { ["Name"] = "A", ["Blocked"] = "yes" },
            "Error processing request stream. The value 'yes' of property 'Blocked' is not a valid Edm.Boolean.");
        await AssertRefusedAsync(division, "crm/Accounts", new JsonObject { ["Name"] = "A", ["StartDate"] = "tomorrow" },
            "Error processing request stream. The value 'tomorrow' of property 'StartDate' is not a valid Edm.DateTime.");
        await AssertRefusedAsync(division, "crm/Accounts", new JsonObject { ["Name"] = "A", ["InvoicingMethod"] = 1.5 },
            "Error processing request stream. The value '1.5' of property 'InvoicingMethod' is not a valid Edm.Int32.");
    }

    [Fact]
    public async Task TooLongTextIsRefused()
    {
        await using var division = await TestDivision.StartAsync();

        await AssertRefusedAsync(division, "logistics/Items", new JsonObject { ["Code"] = "X", ["Description"] = new string('d', 61) },
            "Description: Value is too long (maximum length 60).");
        var fits = await division.PostAsync($"{division.Root}/logistics/Items", new JsonObject { ["Code"] = "X", ["Description"] = new string('d', 60) });
        Assert.Equal(HttpStatusCode.Created, fits.Status);
    }

    [Fact]
    public async Task ReferencesMustExistAndCodesMustBeUnique()
    {
        await using var division = await TestDivision.StartAsync();
        var missing = Guid.NewGuid();
        division.Emulator.Seed("Items", new JsonObject { ["Code"] = "A1", ["Description"] = "Widget" });

        await AssertRefusedAsync(division, "crm/Quotations", new JsonObject
        {
            ["OrderAccount"] = missing.ToString(), ["QuotationLines"] = new JsonArray(new JsonObject { ["Item"] = Guid.NewGuid().ToString() }),
        }, $"OrderAccount: Record not found ({missing}).");
        await AssertRefusedAsync(division, "logistics/Items", new JsonObject { ["Code"] = "A1", ["Description"] = "Again" }, "Code: 'A1' already exists.");
    }

    [Fact]
    public async Task BodiesThatAreNotJsonObjectsAreRefused()
    {
        await using var division = await TestDivision.StartAsync();

        var array = await division.SendAsync(HttpMethod.Post, $"{division.Root}/crm/Accounts", "[]");
        var broken = await division.SendAsync(HttpMethod.Post, $"{division.Root}/crm/Accounts", "{\"Name\":");

        Assert.Equal("Error processing request stream. The request body is not a valid JSON object.", array.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
    }
}
