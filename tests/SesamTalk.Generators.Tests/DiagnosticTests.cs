using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Tests.Infrastructure;

namespace SesamTalk.Generators.Tests;

/// <summary>
/// One test per diagnostic: its ID, its exact span (1-based line, column) and its message. The declaration and
/// mapping rules are shown on custom systems, which have no catalog, so no catalog finding mixes in.
/// </summary>
public class DiagnosticTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing SesamTalk;\n";

    [Fact]
    public void SESAM001_entity_not_partial() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
        public class Product { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM001 (5,14)-(5,21): Add the 'partial' modifier to 'Product' so SesamTalk can generate its mappers");

    [Fact]
    public void SESAM001_containing_type_not_partial() => AssertDiagnostics(
        """
        public static class Outer
        {
            [SyncsWith("Customcrm", "Product2")]
            public partial class Product { [SyncId] public string Id { get; set; } = ""; }
        }
        """,
        "SESAM001 (4,21)-(4,26): Add the 'partial' modifier to 'Outer' so SesamTalk can generate its mappers");

    [Fact]
    public void SESAM002_no_sync_id() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
        public partial class Product { public string Name { get; set; } = ""; }
        """,
        "SESAM002 (5,22)-(5,29): 'Product' has no property marked [SyncId]; mark the property that holds its own id");

    [Fact]
    public void SESAM003_two_sync_ids() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
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
        [SyncsWith("Customcrm", "Product")]
        [SyncsWith("customcrm", "Product", Origin = SyncOrigin.Remote)]
        public partial class Product { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM004 (5,2)-(5,63): 'Product' already syncs with customcrm/Product; remove the second [SyncsWith(\"customcrm\", \"Product\")]");

    [Fact]
    public void SESAM005_empty_type_name() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", " ")]
        public partial class Product { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM005 (4,2)-(4,29): [SyncsWith] on 'Product' needs a non-empty system and type, e.g. [SyncsWith(\"Salesforce\", \"Product2\")]");

    [Fact]
    public void SESAM006_unsupported_id_type() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
        public partial class Product { [SyncId] public DateTime Id { get; set; } }
        """,
        "SESAM006 (5,57)-(5,59): [SyncId] property 'Id' is of type 'System.DateTime'; use string, Guid, int or long");

    [Fact]
    public void SESAM007_generic_entity() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
        public partial class Product<T> { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM007 (5,22)-(5,29): 'Product' is generic; declare a non-generic class for each synced type");

    [Fact]
    public void SESAM008_remote_origin_needs_a_parameterless_constructor() => AssertDiagnostics(
        """
        [SyncsWith("Customwebshop", "Contact", Origin = SyncOrigin.Remote)]
        public partial class Customer
        {
            public Customer(string id) { Id = id; }
            [SyncId] public string Id { get; set; }
        }
        """,
        "SESAM008 (5,22)-(5,30): 'Customer' is created from Customwebshop records but has no parameterless constructor; add one (it may be private), marked [SetsRequiredMembers] if 'Customer' has required members");

    [Fact]
    public void SESAM008_required_members_without_a_constructor_that_sets_them() => AssertDiagnostics(
        """
        [SyncsWith("Customwebshop", "Contact", Origin = SyncOrigin.Remote)]
        public partial class Customer
        {
            [SyncId] public string Id { get; set; } = "";
            public required string Name { get; set; }
        }
        """,
        "SESAM008 (5,22)-(5,30): 'Customer' is created from Customwebshop records but has no parameterless constructor; add one (it may be private), marked [SetsRequiredMembers] if 'Customer' has required members");

    [Fact]
    public void SESAM009_two_entities_with_one_name_and_no_client_that_would_not_compile()
    {
        var source = Usings + """
            namespace Shop { [SyncsWith("Customcrm", "Product")] public partial class Product { [SyncId] public string Id { get; set; } = ""; } }
            namespace Erp { [SyncsWith("Customerp", "Article")] public partial class Product { [SyncId] public string Id { get; set; } = ""; } }
            """;

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        Assert.Equal(
            "SESAM009 (4,75)-(4,82): Synced entities 'global::Erp.Product' and 'global::Shop.Product' share the name 'Product'; rename one of the classes",
            string.Join("\n", DiagnosticText.Of(result)));
        Assert.DoesNotContain(result.Results.Single().GeneratedSources, s => s.HintName == "SesamTalk.Client.g.cs");
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void SESAM010_an_internal_entity_among_public_ones_makes_the_client_internal_and_says_so()
    {
        var source = Usings + """
            [SyncsWith("Customcrm", "Product")] public partial class Product { [SyncId] public string Id { get; set; } = ""; }
            [SyncsWith("Customcrm", "Note")] internal partial class Note { [SyncId] public string Id { get; set; } = ""; }
            """;

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        Assert.Equal(
            "SESAM010 (5,57)-(5,61): 'Note' is not public, so the generated TalkClient, SesamTalkModel and AddSesamTalk() are internal too; make 'Note' (and the types containing it) public, or make every synced entity internal",
            string.Join("\n", DiagnosticText.Of(result)));
        Assert.Contains("internal sealed partial class TalkClient", result.Results.Single().GeneratedSources.Single(s => s.HintName == "SesamTalk.Client.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void SESAM010_is_not_reported_when_every_entity_is_internal_or_the_internal_one_syncs_inside_its_parent() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Order")]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            [SyncChildren("Customcrm", "OrderLine")] public List<OrderLine> Lines { get; } = new();
        }

        [SyncsWith("Customcrm", "OrderLine")]
        internal partial class OrderLine { [SyncId] public string Id { get; set; } = ""; }
        """);

    [Fact]
    public void SESAM013_a_client_member_name_that_is_a_keyword() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Person"), SyncClientMember("class")]
        public partial class Person { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM013 (4,53)-(4,60): 'class' cannot be the typed client's member for 'Person': it is not a C# identifier; name another with [SyncClientMember(\"...\")]");

    [Fact]
    public void SESAM013_a_client_member_name_another_entity_has_or_the_client_has_itself() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Person")]
        public partial class Person { [SyncId] public string Id { get; set; } = ""; }

        [SyncsWith("Customcrm", "Contact"), SyncClientMember("Persons")]
        public partial class Contact { [SyncId] public string Id { get; set; } = ""; }

        [SyncsWith("Customcrm", "Sync"), SyncClientMember("SyncAllAsync")]
        public partial class Sync { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM013 (5,22)-(5,28): 'Persons' cannot be the typed client's member for 'Person': 'Contact' has that member too; name another with [SyncClientMember(\"...\")]",
        "SESAM013 (7,54)-(7,63): 'Persons' cannot be the typed client's member for 'Contact': 'Person' has that member too; name another with [SyncClientMember(\"...\")]",
        "SESAM013 (10,51)-(10,65): 'SyncAllAsync' cannot be the typed client's member for 'Sync': TalkClient has a member of that name; name another with [SyncClientMember(\"...\")]");

    [Fact]
    public void SESAM011_file_local_entity() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
        file partial class Product { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM011 (5,20)-(5,27): 'Product' is declared 'file'; remove the 'file' modifier so SesamTalk can generate its mappers and client member");

    [Fact]
    public void SESAM012_property_named_like_a_generated_member() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            public string SyncDefinition { get; set; } = "";
            public int SesamTalkCustomcrmProduct2Mapper { get; set; }
        }
        """,
        "SESAM012 (8,19)-(8,33): 'Product' has a member named 'SyncDefinition', which SesamTalk generates in 'Product'; rename the member",
        "SESAM012 (9,16)-(9,48): 'Product' has a member named 'SesamTalkCustomcrmProduct2Mapper', which SesamTalk generates in 'Product'; rename the member");

    [Fact]
    public void SESAM012_inherited_property_the_mapper_reads_named_like_a_generated_member() => AssertDiagnostics(
        """
        public abstract class Line { [SyncId] public string SyncDefinition { get; set; } = ""; }

        [SyncsWith("Customcrm", "Line")]
        public partial class OrderLine : Line { }
        """,
        "SESAM012 (4,53)-(4,67): 'OrderLine' has a member named 'SyncDefinition', which SesamTalk generates in 'OrderLine'; rename the member");

    [Fact]
    public void SESAM101_unsupported_property_type() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            public Uri? Link { get; set; }
        }
        """,
        "SESAM101 (8,17)-(8,21): Property 'Link' of type 'System.Uri?' cannot be mapped to Customcrm/Product2; add [SyncIgnore(\"Customcrm\")], a converter with [Field(\"Customcrm\", Converter = typeof(...))], or use string, bool, a number, a date type, Guid or an enum");

    [Fact]
    public void SESAM102_field_for_a_system_the_entity_does_not_sync_with() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Customerp", "Code")] public string Sku { get; set; } = "";
        }
        """,
        "SESAM102 (8,6)-(8,32): 'Product' does not sync with Customerp (did you mean 'Customcrm'?); add [SyncsWith(\"Customerp\", ...)] to the class or correct the name");

    [Fact]
    public void SESAM102_constant_for_a_type_the_entity_does_not_sync_with() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Order")]
        [SyncConstant("Customcrm", "Invoice", "Status", "Draft")]
        public partial class Order { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM102 (5,2)-(5,57): 'Order' does not sync with Customcrm/Invoice; add [SyncsWith(\"Customcrm\", ...)] to the class or correct the name");

    [Fact]
    public void SESAM103_reference_to_a_class_that_is_not_an_entity() => AssertDiagnostics(
        """
        public class Customer { }

        [SyncsWith("Customcrm", "Order")]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            [References(typeof(Customer)), Field("Customcrm", "AccountId")] public string? CustomerId { get; set; }
        }
        """,
        "SESAM103 (10,6)-(10,34): 'Customer' is not a synced entity for Customcrm; add [SyncsWith(\"Customcrm\", ...)] to 'Customer' or remove the attribute");

    [Fact]
    public void SESAM103_children_of_a_type_that_does_not_sync_as_the_child_type() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Quote")]
        public partial class Line { [SyncId] public string Id { get; set; } = ""; }

        [SyncsWith("Customcrm", "Order")]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            [SyncChildren("Customcrm", "OrderItem")] public List<Line> Lines { get; set; } = new();
        }
        """,
        "SESAM103 (11,6)-(11,44): 'Line' is not a synced entity for Customcrm/OrderItem; add [SyncsWith(\"Customcrm\", \"OrderItem\")] to 'Line' or remove the attribute");

    [Fact]
    public void SESAM103_a_reference_type_the_referenced_entity_has_in_no_system() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Customer")]
        [SyncsWith("Customcrm", "Company")]
        public partial class Customer { [SyncId] public string Id { get; set; } = ""; }

        [SyncsWith("Customcrm", "Order")]
        [SyncsWith("Customcrm", "Quote")]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            [References(typeof(Customer), Type = "Compnay")] public string? CustomerId { get; set; }
        }
        """,
        "SESAM103 (13,6)-(13,52): 'Customer' is not a synced entity for Customcrm/Compnay; add [SyncsWith(\"Customcrm\", \"Compnay\")] to 'Customer' or remove the attribute");

    [Fact]
    public void SESAM104_two_properties_on_one_field() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            public string Name { get; set; } = "";
            [Field("Customcrm", "Name")] public string Title { get; set; } = "";
        }
        """,
        "SESAM104 (9,48)-(9,53): Properties 'Name' and 'Title' both map to Customcrm/Product2 field 'Name'; rename one with [Field(\"Customcrm\", \"...\")] or ignore one with [SyncIgnore(\"Customcrm\")]");

    [Fact]
    public void SESAM105_converter_for_another_type() => AssertDiagnostics(
        """
        public sealed class Percent : ISyncValueConverter<int, decimal>
        {
            public decimal ToRemote(int value) => value / 100m;
            public int ToLocal(decimal value) => (int)(value * 100m);
        }

        [SyncsWith("Customerp", "SalesOrderLines")]
        public partial class Line
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Customerp", "Discount", Converter = typeof(Percent))] public decimal Discount { get; set; }
        }
        """,
        "SESAM105 (14,6)-(14,65): Converter 'Percent' for property 'Discount' must implement ISyncValueConverter<decimal, TRemote> with a carried TRemote and have a public parameterless constructor");

    [Fact]
    public void SESAM105_converter_for_a_non_nullable_string_on_a_nullable_property() => AssertDiagnostics(
        """
        public sealed class Upper : ISyncValueConverter<string, string>
        {
            public string ToRemote(string value) => value.ToUpperInvariant();
            public string ToLocal(string value) => value;
        }

        [SyncsWith("Customcrm", "Contact")]
        public partial class Contact
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Customcrm", "Code", Converter = typeof(Upper))] public string? Code { get; set; }
        }
        """,
        "SESAM105 (14,6)-(14,59): Converter 'Upper' for property 'Code' must implement ISyncValueConverter<string?, TRemote> with a carried TRemote and have a public parameterless constructor");

    [Fact]
    public void SESAM106_read_only_property_asked_to_receive() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Customcrm", "LastModifiedDate", Direction = FieldDirection.FromRemote)] public DateTimeOffset Modified => DateTimeOffset.MinValue;
        }
        """,
        "SESAM106 (8,6)-(8,83): Property 'Modified' has no settable accessor but maps from Customcrm; add a setter or use Direction = FieldDirection.ToRemote");

    [Fact]
    public void SESAM107_a_direction_that_names_no_member() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Product2", Origin = (SyncOrigin)7)]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Customcrm", "Name", Direction = (FieldDirection)3)] public string Name { get; set; } = "";
        }
        """,
        "SESAM107 (4,2)-(4,60): Origin = (SyncOrigin)7 is not a member of its enum; use one of its named members",
        "SESAM107 (8,6)-(8,63): Direction = (FieldDirection)3 is not a member of its enum; use one of its named members");

    [Fact]
    public void SESAM102_says_which_system_was_meant_and_gives_it_to_code_fixes()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Usings + """
            [SyncsWith("Customcrm", "Product2")]
            public partial class Product
            {
                [SyncId] public string Id { get; set; } = "";
                [Field("Custmcrm", "Title")] public string Name { get; set; } = "";
            }
            """));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SESAM102", diagnostic.Id);
        Assert.Contains("(did you mean 'Customcrm'?)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Customcrm", diagnostic.Properties[DiagnosticProperties.Suggestion]);
        Assert.Equal("Custmcrm", diagnostic.Properties[DiagnosticProperties.Replaces]);
    }

    [Fact]
    public void Diagnostics_point_into_the_host_source_so_editors_and_builds_place_them()
    {
        var compilation = GeneratorHarness.Compile(Usings + """
            [SyncsWith("Customcrm", "Product")]
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
            [SyncsWith("Customcrm", "Product")]
            public class Broken { [SyncId] public string Id { get; set; } = ""; }

            [SyncsWith("Customcrm", "Customer")]
            public partial class Customer { [SyncId] public string Id { get; set; } = ""; }
            """;

        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        Assert.Equal("SESAM001", Assert.Single(result.Diagnostics).Id);
        var hints = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains("SesamTalk.Customer.Customcrm.Customer.g.cs", hints);
        Assert.DoesNotContain(hints, hint => hint.Contains("Broken", StringComparison.Ordinal));
    }

    private static void AssertDiagnostics(string body, params string[] expected)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Usings + body));
        Assert.Equal(string.Join("\n", expected), string.Join("\n", DiagnosticText.Of(result)));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticDescriptors.HelpBase + d.Id + ".md", d.Descriptor.HelpLinkUri));
    }
}
