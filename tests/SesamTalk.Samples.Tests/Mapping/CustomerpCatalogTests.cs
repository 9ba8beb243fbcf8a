using System.Text.Json;
using SesamTalk.Samples.Customerp;

namespace SesamTalk.Samples.Tests.Mapping;

/// <summary>Customerp's catalog describes the records it keeps: every synced property, under its own name.</summary>
public class CustomerpCatalogTests
{
    public static TheoryData<string, string> Entities() => new()
    {
        { "Contact", "Salesforce/Contact" },
        { "Order", "Salesforce/Order" },
        { "OrderLine", "Salesforce/OrderItem" },
        { "Product", "Salesforce/Product2" },
        { "Quote", "Salesforce/Quote" },
        { "QuoteLine", "Salesforce/QuoteLineItem" },
    };

    [Theory]
    [MemberData(nameof(Entities))]
    public void Every_property_Salesforce_fills_is_a_field_of_the_Customerp_catalog(string entity, string target)
    {
        var mapper = Mappers()[entity].Single(m => m.Target.System + "/" + m.Target.Type == target);
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogs", "Customerp.catalog.json")));
        Assert.Equal("Customerp", catalog.RootElement.GetProperty("system").GetString());
        var fields = catalog.RootElement.GetProperty("objects").EnumerateArray()
            .Single(o => o.GetProperty("name").GetString() == entity)
            .GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();

        Assert.Equal(mapper.Fields.Select(f => f.Property).Order(), fields.Where(f => mapper.Fields.Any(m => m.Property == f)).Order());
        Assert.All(mapper.Fields, field => Assert.Contains(field.Property, fields));
    }

    private static Dictionary<string, IReadOnlyList<IEntityMapper>> Mappers() => new()
    {
        ["Contact"] = Contact.SyncDefinition.Mappers,
        ["Order"] = Order.SyncDefinition.Mappers,
        ["OrderLine"] = OrderLine.SyncDefinition.Mappers,
        ["Product"] = Product.SyncDefinition.Mappers,
        ["Quote"] = Quote.SyncDefinition.Mappers,
        ["QuoteLine"] = QuoteLine.SyncDefinition.Mappers,
    };
}
