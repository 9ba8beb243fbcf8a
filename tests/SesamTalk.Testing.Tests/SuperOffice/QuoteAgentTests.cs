using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Testing.Tests.SuperOffice;

public sealed class QuoteAgentTests
{
    private static Task<SoReply> CallAsync(TestTenant tenant, string method, JsonNode? body = null) =>
        tenant.SendAsync(HttpMethod.Post, $"{tenant.Root}/Agents/Quote/{method}", body?.ToJsonString());

    private static async Task<int> AlternativeAsync(TestTenant tenant, double discountPercent = 0)
    {
        var saved = await CallAsync(tenant, "SaveQuoteAlternative", new JsonObject
        {
            ["QuoteAlternative"] = new JsonObject { ["QuoteVersionId"] = 10, ["Name"] = "Alternative A", ["DiscountPercent"] = discountPercent },
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        return (int)saved.Body!["QuoteAlternativeId"]!;
    }

    private static JsonObject Line(int alternative) => new()
    {
        ["QuoteAlternativeId"] = alternative, ["ERPProductKey"] = "PROD-CRM-MARKETING-25", ["Name"] = "SuperOffice Marketing - 25 User Licenses",
        ["Quantity"] = 25.0, ["UnitListPrice"] = 950.0, ["UnitCost"] = 550.0, ["VAT"] = 25.0, ["DiscountPercent"] = 8.0,
        ["SubscriptionStart"] = "2025-01-01T00:00:00+01:00",
    };

    [Fact]
    public async Task SavedLinesAreRecalculatedAndRollUpIntoTheirAlternative()
    {
        await using var tenant = await TestTenant.StartAsync();
        var alternative = await AlternativeAsync(tenant, discountPercent: 10);

        var saved = await CallAsync(tenant, "SaveQuoteLines", new JsonObject { ["QuoteLines"] = new JsonArray(Line(alternative)) });
        var read = await tenant.SendAsync(HttpMethod.Post, $"{tenant.Root}/Agents/Quote/GetQuoteAlternative?quoteAlternativeId={alternative}", null);

        var line = Assert.Single(saved.Body!.AsArray())!;
        Assert.Equal(23750.0, (double)line["SubTotal"]!);
        Assert.Equal(1900.0, (double)line["DiscountAmount"]!);
        Assert.Equal(21850.0, (double)line["TotalPrice"]!);
        Assert.Equal(1, (int)line["Rank"]!);
        Assert.Equal("2024-12-31T23:00:00.0000000+00:00", (string)line["SubscriptionStart"]!);
        Assert.Equal(21850.0, (double)read.Body!["SubTotal"]!);
        Assert.Equal(2185.0, (double)read.Body["DiscountAmount"]!);
        Assert.Equal(19665.0, (double)read.Body["TotalPrice"]!);
        Assert.Equal(4916.25, (double)read.Body["VAT"]!);
    }

    [Fact]
    public async Task LinesAreReadUpdatedAndDeletedThroughTheAgent()
    {
        await using var tenant = await TestTenant.StartAsync();
        var alternative = await AlternativeAsync(tenant);
        var created = (await CallAsync(tenant, "SaveQuoteLines", new JsonObject { ["QuoteLines"] = new JsonArray(Line(alternative), Line(alternative)) })).Body!.AsArray();
        var id = (int)created[0]!["QuoteLineId"]!;

        var changed = Line(alternative);
        changed["QuoteLineId"] = id;
        changed["Quantity"] = 1.0;
        changed["DiscountPercent"] = null;
        var updated = await CallAsync(tenant, "SaveQuoteLines", new JsonObject { ["QuoteLines"] = new JsonArray(changed) });
        var lines = await CallAsync(tenant, "GetQuoteLines", new JsonObject { ["QuoteAlternativeId"] = alternative });
        var deleted = await CallAsync(tenant, "DeleteQuoteLine", new JsonObject { ["QuoteLineId"] = id });
        var gone = await CallAsync(tenant, "GetQuoteLine", new JsonObject { ["QuoteLineId"] = id });
        var total = await CallAsync(tenant, "GetQuoteAlternative", new JsonObject { ["QuoteAlternativeId"] = alternative });

        Assert.Equal([1, 2], created.Select(l => (int)l!["Rank"]!));
        Assert.Equal(950.0, (double)updated.Body![0]!["TotalPrice"]!);
        Assert.Equal(2, lines.Body!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal($"QuoteLine id {id} not found", gone.ErrorMessage);
        Assert.Equal(21850.0, (double)total.Body!["SubTotal"]!);
    }

    [Fact]
    public async Task DeletingAnAlternativeDeletesItsLines()
    {
        await using var tenant = await TestTenant.StartAsync();
        var alternative = await AlternativeAsync(tenant);
        await CallAsync(tenant, "SaveQuoteLines", new JsonObject { ["QuoteLines"] = new JsonArray(Line(alternative)) });

        var listed = await CallAsync(tenant, "GetQuoteAlternatives", new JsonObject { ["QuoteVersionId"] = 10 });
        var deleted = await CallAsync(tenant, "DeleteQuoteAlternative", new JsonObject { ["QuoteAlternativeId"] = alternative });

        Assert.Single(listed.Body!.AsArray());
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Empty(tenant.Emulator.GetRecords("QuoteLine"));
        Assert.Empty(tenant.Emulator.GetRecords("QuoteAlternative"));
    }

    [Fact]
    public async Task ProductsAreSavedReadAndDeleted()
    {
        await using var tenant = await TestTenant.StartAsync();

        var saved = await CallAsync(tenant, "SaveProduct", new JsonObject
        {
            ["Product"] = new JsonObject { ["Name"] = "Grenen Balk", ["Code"] = "BALK-10", ["Url"] = "https://example.com/balk", ["UnitListPrice"] = 12.5 },
        });
        var id = (int)saved.Body!["ProductId"]!;
        var renamed = saved.Body.AsObject().DeepClone().AsObject();
        renamed["Name"] = "Grenen Balk 10x10";
        var updated = await CallAsync(tenant, "SaveProduct", new JsonObject { ["Product"] = renamed });
        var read = await tenant.SendAsync(HttpMethod.Post, $"{tenant.Root}/Agents/Quote/GetProductFromDbId?productId={id}", null);
        var deleted = await CallAsync(tenant, "DeleteProduct", new JsonObject { ["ProductId"] = id });

        Assert.Equal("https://example.com/balk", (string)saved.Body["Url"]!);
        Assert.Equal(id, (int)updated.Body!["ProductId"]!);
        Assert.Equal("Grenen Balk 10x10", (string)read.Body!["Name"]!);
        Assert.Equal(12.5, (double)read.Body["UnitListPrice"]!);
        Assert.False((bool)read.Body["InAssortment"]!);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Empty(tenant.Emulator.GetRecords("Product"));
    }

    [Theory]
    [InlineData("""{"QuoteLines":[{"Name":"No alternative"}]}""", "The mandatory field 'QuoteAlternativeId' is empty.")]
    [InlineData("""{"QuoteLines":[{"QuoteAlternativeId":77}]}""", "QuoteAlternativeId: QuoteAlternative id 77 not found")]
    [InlineData("""{"QuoteLines":[{"QuoteAlternativeId":77,"Quantity":"many"}]}""", "The value \"many\" is not valid for the field 'Quantity'.")]
    public async Task InvalidLinesAreRefused(string body, string message)
    {
        await using var tenant = await TestTenant.StartAsync();

        var reply = await tenant.SendAsync(HttpMethod.Post, $"{tenant.Root}/Agents/Quote/SaveQuoteLines", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("SoValidationException", reply.ErrorType);
        Assert.Equal(message, reply.ErrorMessage);
    }

    [Fact]
    public async Task QuoteCarriersHaveNoRestEntityAndUnknownMethodsAreNotFound()
    {
        await using var tenant = await TestTenant.StartAsync();
        var alternative = await AlternativeAsync(tenant);

        var rest = await tenant.GetAsync($"{tenant.Root}/QuoteAlternative/{alternative}");
        var unknown = await CallAsync(tenant, "PlaceOrder", new JsonObject());
        var missingId = await CallAsync(tenant, "GetQuoteLine", new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, rest.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.BadRequest, missingId.Status);
        Assert.Equal(3, tenant.Emulator.CallCount(SuperOfficeEndpoint.QuoteAgent));
    }
}
