using Microsoft.CodeAnalysis.Testing;
using SesamTalk.Generators.CodeFixes.Tests.Infrastructure;

namespace SesamTalk.Generators.CodeFixes.Tests;

public class AddMaxLengthCodeFixTests
{
    [Fact]
    public async Task SESAM205_adds_MaxLength_with_the_fields_length_and_its_using()
    {
        await new GeneratorCodeFixTest<AddMaxLengthCodeFixProvider>
        {
            TestCode = """
                using System;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    public string {|#0:Name|} { get; set; } = "";
                }
                """,
            ExpectedDiagnostics = { DiagnosticResult.CompilerWarning("SESAM205").WithLocation(0) },
            FixedCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [MaxLength(255)]
                    public string Name { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task SESAM205_lowers_a_MaxLength_longer_than_the_field()
    {
        await new GeneratorCodeFixTest<AddMaxLengthCodeFixProvider>
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
                    [{|#0:Field("Salesforce", "StockKeepingUnit")|}, MaxLength(200)] public string Sku { get; set; } = "";
                }
                """,
            ExpectedDiagnostics = { DiagnosticResult.CompilerWarning("SESAM205").WithLocation(0) },
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
                    [Field("Salesforce", "StockKeepingUnit"), MaxLength(180)] public string Sku { get; set; } = "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task SESAM205_lowers_a_StringLength_longer_than_the_field_and_keeps_its_other_arguments()
    {
        await new GeneratorCodeFixTest<AddMaxLengthCodeFixProvider>
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
                    [StringLength(1000, MinimumLength = 1)] public string {|#0:Name|} { get; set; } = "";
                }
                """,
            ExpectedDiagnostics = { DiagnosticResult.CompilerWarning("SESAM205").WithLocation(0) },
            FixedCode = """
                using System;
                using System.ComponentModel.DataAnnotations;
                using SesamTalk;

                namespace Webshop.Catalog;

                [SyncsWith("Salesforce", "Product2")]
                public partial class Product
                {
                    [SyncId] public Guid Id { get; set; }
                    [StringLength(255, MinimumLength = 1)] public string Name { get; set; } = "";
                }
                """,
        }.RunAsync();
    }
}
