using SesamTalk.Generators.Tests.Infrastructure;

namespace SesamTalk.Generators.Tests;

/// <summary>One test per diagnostic: its ID, its exact span (1-based line, column) and its message.</summary>
public class DiagnosticTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing SesamTalk;\n";

    [Fact]
    public void SESAM001_entity_not_partial() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2")]
        public class Product { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM001 (5,14)-(5,21): Add the 'partial' modifier to 'Product' so SesamTalk can generate its mappers");

    [Fact]
    public void SESAM001_containing_type_not_partial() => AssertDiagnostics(
        """
        public static class Outer
        {
            [SyncsWith("Salesforce", "Product2")]
            public partial class Product { [SyncId] public string Id { get; set; } = ""; }
        }
        """,
        "SESAM001 (4,21)-(4,26): Add the 'partial' modifier to 'Outer' so SesamTalk can generate its mappers");

    [Fact]
    public void SESAM002_no_sync_id() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2")]
        public partial class Product { public string Name { get; set; } = ""; }
        """,
        "SESAM002 (5,22)-(5,29): 'Product' has no property marked [SyncId]; mark the property that holds its own id");

    [Fact]
    public void SESAM003_two_sync_ids() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            [SyncId] public string Code { get; set; } = "";
        }
        """,
        "SESAM003 (8,28)-(8,32): 'Product' already has [SyncId] on 'Id'; remove [SyncId] from 'Code'");

    [Fact]
    public void SESAM004_same_target_twice() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2")]
        [SyncsWith("salesforce", "Product2", Origin = SyncOrigin.Remote)]
        public partial class Product { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM004 (5,2)-(5,65): 'Product' already syncs with salesforce/Product2; remove the second [SyncsWith(\"salesforce\", \"Product2\")]");

    [Fact]
    public void SESAM005_empty_type_name() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", " ")]
        public partial class Product { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM005 (4,2)-(4,30): [SyncsWith] on 'Product' needs a non-empty system and type, e.g. [SyncsWith(\"Salesforce\", \"Product2\")]");

    [Fact]
    public void SESAM006_unsupported_id_type() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2")]
        public partial class Product { [SyncId] public DateTime Id { get; set; } }
        """,
        "SESAM006 (5,57)-(5,59): [SyncId] property 'Id' is of type 'System.DateTime'; use string, Guid, int or long");

    [Fact]
    public void SESAM007_generic_entity() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2")]
        public partial class Product<T> { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM007 (5,22)-(5,29): 'Product' is generic; declare a non-generic class for each synced type");

    [Fact]
    public void SESAM008_remote_origin_needs_a_parameterless_constructor() => AssertDiagnostics(
        """
        [SyncsWith("SuperOffice", "Contact", Origin = SyncOrigin.Remote)]
        public partial class Customer
        {
            public Customer(string id) { Id = id; }
            [SyncId] public string Id { get; set; }
        }
        """,
        "SESAM008 (5,22)-(5,30): 'Customer' is created from SuperOffice records but has no parameterless constructor; add one (it may be private)");

    [Fact]
    public void SESAM101_unsupported_property_type() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            public Uri? Link { get; set; }
        }
        """,
        "SESAM101 (8,17)-(8,21): Property 'Link' of type 'System.Uri?' cannot be mapped to Salesforce/Product2; add [SyncIgnore(\"Salesforce\")], a converter with [Field(\"Salesforce\", Converter = typeof(...))], or use string, bool, a number, a date type, Guid or an enum");

    [Fact]
    public void SESAM102_field_for_a_system_the_entity_does_not_sync_with() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("ExactOnline", "Code")] public string Sku { get; set; } = "";
        }
        """,
        "SESAM102 (8,6)-(8,34): 'Product' does not sync with ExactOnline; add [SyncsWith(\"ExactOnline\", ...)] to the class or correct the name");

    [Fact]
    public void SESAM102_constant_for_a_type_the_entity_does_not_sync_with() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Order")]
        [SyncConstant("Salesforce", "Invoice", "Status", "Draft")]
        public partial class Order { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM102 (5,2)-(5,58): 'Order' does not sync with Salesforce/Invoice; add [SyncsWith(\"Salesforce\", ...)] to the class or correct the name");

    [Fact]
    public void SESAM103_reference_to_a_class_that_is_not_an_entity() => AssertDiagnostics(
        """
        public class Customer { }

        [SyncsWith("Salesforce", "Order")]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            [References(typeof(Customer)), Field("Salesforce", "AccountId")] public string? CustomerId { get; set; }
        }
        """,
        "SESAM103 (10,6)-(10,34): 'Customer' is not a synced entity for Salesforce; add [SyncsWith(\"Salesforce\", ...)] to 'Customer' or remove the attribute");

    [Fact]
    public void SESAM103_children_of_a_type_that_does_not_sync_as_the_child_type() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Quote")]
        public partial class Line { [SyncId] public string Id { get; set; } = ""; }

        [SyncsWith("Salesforce", "Order")]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            [SyncChildren("Salesforce", "OrderItem")] public List<Line> Lines { get; set; } = new();
        }
        """,
        "SESAM103 (11,6)-(11,45): 'Line' is not a synced entity for Salesforce/OrderItem; add [SyncsWith(\"Salesforce\", \"OrderItem\")] to 'Line' or remove the attribute");

    [Fact]
    public void SESAM104_two_properties_on_one_field() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            public string Name { get; set; } = "";
            [Field("Salesforce", "Name")] public string Title { get; set; } = "";
        }
        """,
        "SESAM104 (9,49)-(9,54): Properties 'Name' and 'Title' both map to Salesforce/Product2 field 'Name'; rename one with [Field(\"Salesforce\", \"...\")] or ignore one with [SyncIgnore(\"Salesforce\")]");

    [Fact]
    public void SESAM105_converter_for_another_type() => AssertDiagnostics(
        """
        public sealed class Percent : ISyncValueConverter<int, decimal>
        {
            public decimal ToRemote(int value) => value / 100m;
            public int ToLocal(decimal value) => (int)(value * 100m);
        }

        [SyncsWith("ExactOnline", "SalesOrderLines")]
        public partial class Line
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("ExactOnline", "Discount", Converter = typeof(Percent))] public decimal Discount { get; set; }
        }
        """,
        "SESAM105 (14,6)-(14,67): Converter 'Percent' for property 'Discount' must implement ISyncValueConverter<decimal, TRemote> with a carried TRemote and have a public parameterless constructor");

    [Fact]
    public void SESAM106_read_only_property_asked_to_receive() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Salesforce", "LastModifiedDate", Direction = FieldDirection.FromRemote)] public DateTimeOffset Modified => DateTimeOffset.MinValue;
        }
        """,
        "SESAM106 (8,6)-(8,84): Property 'Modified' has no settable accessor but maps from Salesforce; add a setter or use Direction = FieldDirection.ToRemote");

    [Fact]
    public void Diagnostics_point_into_the_host_source_so_editors_and_builds_place_them()
    {
        var compilation = GeneratorHarness.Compile(Usings + """
            [SyncsWith("Salesforce", "Product2")]
            public partial class Product { public string Name { get; set; } = ""; }
            """);

        var (result, _) = GeneratorHarness.Run(compilation);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(diagnostic.Location.IsInSource);
        Assert.Same(compilation.SyntaxTrees.Single(), diagnostic.Location.SourceTree);
    }

    [Fact]
    public void An_error_in_one_entity_leaves_the_others_generated()
    {
        var source = Usings + """
            [SyncsWith("Salesforce", "Product2")]
            public class Broken { [SyncId] public string Id { get; set; } = ""; }

            [SyncsWith("Salesforce", "Account")]
            public partial class Customer { [SyncId] public string Id { get; set; } = ""; }
            """;

        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        Assert.Equal("SESAM001", Assert.Single(result.Diagnostics).Id);
        var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains("SesamTalk.Customer.Salesforce.Account.g.cs", hints);
        Assert.DoesNotContain(hints, hint => hint.Contains("Broken", StringComparison.Ordinal));
    }

    private static void AssertDiagnostics(string body, params string[] expected)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Usings + body));
        Assert.Equal(expected, DiagnosticText.Of(result));
        Assert.All(result.Diagnostics, d => Assert.StartsWith("docs/diagnostics/" + d.Id, d.Descriptor.HelpLinkUri, StringComparison.Ordinal));
    }
}
