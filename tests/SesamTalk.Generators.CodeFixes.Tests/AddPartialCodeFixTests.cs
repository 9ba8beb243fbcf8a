using SesamTalk.Generators.CodeFixes.Tests.Infrastructure;

namespace SesamTalk.Generators.CodeFixes.Tests;

public class AddPartialCodeFixTests
{
    [Fact]
    public async Task SESAM001_on_the_entity_adds_partial_after_its_other_modifiers()
    {
        await new GeneratorCodeFixTest<AddPartialCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public sealed class {|SESAM001:Product|}
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                }
                """,
            FixedCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public sealed partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task SESAM001_on_the_containing_types_adds_partial_to_each_of_them()
    {
        await new GeneratorCodeFixTest<AddPartialCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop;

                static class {|SESAM001:Catalog|}
                {
                    [SyncsWith("Salesforce", "Product2")]
                    internal class {|SESAM001:Product|}
                    {
                        [SyncId] public Guid Id { get; set; }
                        [MaxLength(80)] public string Name { get; set; } = "";
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop;

                static partial class Catalog
                {
                    [SyncsWith("Salesforce", "Product2")]
                    internal partial class Product
                    {
                        [SyncId] public Guid Id { get; set; }
                        [MaxLength(80)] public string Name { get; set; } = "";
                    }
                }
                """,
        }.RunAsync();
    }
}
