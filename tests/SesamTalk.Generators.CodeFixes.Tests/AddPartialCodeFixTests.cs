namespace SesamTalk.Generators.CodeFixes.Tests;

public class AddPartialCodeFixTests
{
    [Fact]
    public Task SESAM001_on_the_entity_adds_partial_after_its_other_modifiers() =>
        GeneratorCodeFixTest<AddPartialCodeFixProvider>.VerifyAsync(
            ProductSource.Of(declaration: "public sealed class {|SESAM001:Product|}"),
            ProductSource.Of(declaration: "public sealed partial class Product"));

    [Fact]
    public Task SESAM001_on_the_containing_types_adds_partial_to_each_of_them() =>
        GeneratorCodeFixTest<AddPartialCodeFixProvider>.VerifyAsync(
            """
            using SesamTalk;

            namespace Webshop
            {
                static class {|SESAM001:Catalog|}
                {
                    [SyncsWith("Salesforce", "Product2")]
                    internal class {|SESAM001:Product|}
                    {
                        [SyncId] public System.Guid Id { get; set; }
                        [System.ComponentModel.DataAnnotations.MaxLength(80)] public string Name { get; set; } = "";
                    }
                }
            }
            """,
            """
            using SesamTalk;

            namespace Webshop
            {
                static partial class Catalog
                {
                    [SyncsWith("Salesforce", "Product2")]
                    internal partial class Product
                    {
                        [SyncId] public System.Guid Id { get; set; }
                        [System.ComponentModel.DataAnnotations.MaxLength(80)] public string Name { get; set; } = "";
                    }
                }
            }
            """);
}
