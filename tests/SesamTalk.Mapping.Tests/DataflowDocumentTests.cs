using SesamTalk.Documentation;
using SesamTalk.Mapping.Tests.Entities;

namespace SesamTalk.Mapping.Tests;

/// <summary>A seed-shaped QA document rendered from generated mappers, compared with a committed expected file.</summary>
public class DataflowDocumentTests
{
    private static readonly DateTimeOffset Generated = new(2024, 9, 10, 15, 43, 43, TimeSpan.Zero);

    [Fact]
    public void The_webshop_to_salesforce_document_lists_every_mapped_field_with_its_catalog_type()
    {
        var document = new DataflowDocument("Customwebshop", "Salesforce", hostIsSource: true,
        [
            new DataflowSection(Customer.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Account")), "Customer"),
            new DataflowSection(Order.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Invoice")), "Order"),
            new DataflowSection(Order.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Order")), "Order"),
            new DataflowSection(Product.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Product2")), "Product"),
        ]);

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", "Customwebshop-to-Salesforce.expected.rst"));
        Assert.Equal(expected.Replace("\r\n", "\n", StringComparison.Ordinal), document.Render(Generated));
    }

    [Fact]
    public void A_remote_to_host_document_names_the_host_property_and_its_type()
    {
        var document = new DataflowDocument("Customwebshop", "ExactOnline", hostIsSource: false,
            [new DataflowSection(Product.SyncDefinition.GetMapper(new SyncTarget("ExactOnline", "Items")), "Product")]);

        var text = document.Render(Generated);

        Assert.StartsWith("=====================================\nExactOnline to Customwebshop Dataflow\n", text, StringComparison.Ordinal);
        Assert.Contains("ExactOnline Items to Customwebshop Product\n", text, StringComparison.Ordinal);
        Assert.Contains("     - Customwebshop Data Type\n", text, StringComparison.Ordinal);
        Assert.Contains("   * - StartDate\n     - AvailableFrom\n     - DateOnly?\n", text, StringComparison.Ordinal);
    }
}
