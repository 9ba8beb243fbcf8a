using SesamTalk.Generators.CodeFixes.Tests.Infrastructure;

namespace SesamTalk.Generators.CodeFixes.Tests;

public class DidYouMeanCodeFixTests
{
    [Fact]
    public async Task SESAM201_changes_the_misspelled_type_to_the_catalogs_type()
    {
        await new GeneratorCodeFixTest<DidYouMeanCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [{|SESAM201:SyncsWith("Salesforce", "Prodcut2")|}]
                public partial class Product
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
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task SESAM202_changes_the_misspelled_field_of_a_Field_attribute()
    {
        await new GeneratorCodeFixTest<DidYouMeanCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                    [{|SESAM202:Field("Salesforce", "ProdutCode")|}, MaxLength(40)] public string Sku { get; set; } = "";
                }
                """,
            FixedCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                    [Field("Salesforce", "ProductCode"), MaxLength(40)] public string Sku { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task SESAM202_maps_a_property_named_like_no_field_to_the_suggested_field()
    {
        await new GeneratorCodeFixTest<DidYouMeanCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                    [MaxLength(40)] public string {|SESAM202:ProductKode|} { get; set; } = "";
                }
                """,
            FixedCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                    [MaxLength(40), Field("Salesforce", "ProductCode")] public string ProductKode { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task SESAM202_changes_the_misspelled_field_of_a_constant()
    {
        await new GeneratorCodeFixTest<DidYouMeanCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                [{|SESAM202:SyncConstant("Salesforce", "Product2", "Familly", "None")|}]
                public partial class Product
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
                [SyncConstant("Salesforce", "Product2", "Family", "None")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task SESAM102_changes_a_misspelled_system_to_the_system_the_entity_syncs_with()
    {
        await new GeneratorCodeFixTest<DidYouMeanCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                    [{|SESAM102:Field("Salesfroce", "ProductCode")|}, MaxLength(40)] public string Sku { get; set; } = "";
                }
                """,
            FixedCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                    [Field("Salesforce", "ProductCode"), MaxLength(40)] public string Sku { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task SESAM102_changes_a_misspelled_type_to_the_type_the_entity_syncs_with()
    {
        await new GeneratorCodeFixTest<DidYouMeanCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                    [{|SESAM102:SyncIgnore("Salesforce", Type = "Prodct2")|}] public string Notes { get; set; } = "";
                }
                """,
            FixedCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(80)] public string Name { get; set; } = "";
                    [SyncIgnore("Salesforce", Type = "Product2")] public string Notes { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task No_fix_when_nothing_is_close_enough_to_suggest()
    {
        var source = """
            using System;
            using System.ComponentModel.DataAnnotations;
            using SesamTalk;

            namespace Webshop.Catalog;

            [{|SESAM201:SyncsWith("Salesforce", "Warehouse")|}]
            public partial class Product
            {
                [SyncId] public Guid Id { get; set; }
                [MaxLength(80)] public string Name { get; set; } = "";
            }
            """;
        await new GeneratorCodeFixTest<DidYouMeanCodeFixProvider> { TestCode = source, FixedCode = source }.RunAsync();
    }
}
