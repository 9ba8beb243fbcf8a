using System.Text.Json;
using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Connectors.Tests;

public class SalesforceCatalogExporterTests
{
    private const string Describe = """
        {
          "name": "Product2", "keyPrefix": "01t", "createable": true, "updateable": true, "deletable": true, "label": "Product",
          "fields": [
            { "name": "Id", "type": "id", "length": 18, "createable": false, "updateable": false, "nillable": false, "defaultedOnCreate": true, "idLookup": true, "filterable": true, "referenceTo": [] },
            { "name": "Description", "type": "textarea", "length": 4000, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false, "filterable": false, "label": "Product Description" },
            { "name": "Price__c", "type": "currency", "length": 0, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false, "custom": true },
            { "name": "Supplier__c", "type": "reference", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false, "referenceTo": ["Account"] },
            { "name": "Grade__c", "type": "picklist", "length": 255, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false, "restrictedPicklist": true,
              "picklistValues": [
                { "active": true, "defaultValue": true, "label": "A grade", "validFor": null, "value": "A" },
                { "active": false, "defaultValue": false, "label": "B", "validFor": null, "value": "B" }
              ] }
          ]
        }
        """;

    [Fact]
    public void A_describe_result_becomes_a_catalog_object_with_the_catalog_members_only()
    {
        using var describe = JsonDocument.Parse(Describe);

        using var catalog = JsonDocument.Parse(SalesforceCatalogExporter.Export([describe.RootElement]));

        var root = catalog.RootElement;
        Assert.Equal("Salesforce", root.GetProperty("system").GetString());
        var product = Assert.Single(root.GetProperty("objects").EnumerateArray());
        Assert.Equal("01t", product.GetProperty("keyPrefix").GetString());
        var fields = product.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.True(fields["Id"].GetProperty("key").GetBoolean());
        Assert.False(fields["Description"].GetProperty("filterable").GetBoolean());
        Assert.Equal(4000, fields["Description"].GetProperty("length").GetInt32());
        Assert.False(fields["Price__c"].TryGetProperty("length", out _));
        Assert.False(fields["Description"].TryGetProperty("label", out _));
        Assert.Equal("Account", fields["Supplier__c"].GetProperty("referenceTo")[0].GetString());
        Assert.False(fields["Id"].TryGetProperty("referenceTo", out _));
        Assert.False(fields["Id"].TryGetProperty("picklistValues", out _));
        Assert.True(fields["Grade__c"].GetProperty("restrictedPicklist").GetBoolean());
        Assert.Equal(
            """[{"value":"A","label":"A grade","defaultValue":true},{"value":"B","active":false}]""",
            JsonSerializer.Serialize(fields["Grade__c"].GetProperty("picklistValues")));
    }

    [Fact]
    public void A_describe_without_a_name_is_refused()
    {
        using var describe = JsonDocument.Parse("""{ "fields": [] }""");

        var error = Assert.Throws<FormatException>(() => SalesforceCatalogExporter.Export([describe.RootElement]));
        Assert.Contains("\"name\"", error.Message, StringComparison.Ordinal);
    }
}
