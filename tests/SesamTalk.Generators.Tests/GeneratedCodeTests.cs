using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Tests.Infrastructure;
using SesamTalk.Generators.Validation;

namespace SesamTalk.Generators.Tests;

/// <summary>
/// Inputs that once crashed the generator or made it emit code that does not compile (found by mutating the
/// samples): each now compiles cleanly, or gets a SESAM diagnostic and nothing but SESAM diagnostics.
/// </summary>
public class GeneratedCodeTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Diagnostics.CodeAnalysis;\nusing SesamTalk;\n";

    [Fact]
    public void Keyword_names_are_escaped_in_generated_code() => AssertCompiles("""
        namespace @event.Shop;

        public enum Kind { @default, @class }

        [SyncsWith("Customcrm", "Product", Origin = SyncOrigin.Both)]
        public partial class @class
        {
            [SyncId] public string @event { get; set; } = "";
            public string? @class2 { get; set; }
            public Kind @object { get; set; }
            [SyncChildren("Customcrm", "Line")] public List<@operator> @params { get; set; } = new();
        }

        [SyncsWith("Customcrm", "Line")]
        public partial class @operator { [SyncId] public string @string { get; set; } = ""; }
        """);

    [Fact]
    public void Properties_named_like_the_generated_parameters_and_locals_compile() => AssertCompiles("""
        [SyncsWith("Customcrm", "Order", Origin = SyncOrigin.Both)]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            public string Record { get; set; } = "";
            public string Entity { get; set; } = "";
            public int Builder { get; set; }
            public string Exception { get; set; } = "";
            [SyncChildren("Customcrm", "Line")] public List<Line> Children { get; set; } = new();
        }

        [SyncsWith("Customcrm", "Line")]
        public partial class Line { [SyncId] public string Id { get; set; } = ""; public string Record { get; set; } = ""; }
        """);

    [Fact]
    public void Required_members_set_by_the_constructor_and_set_only_properties_compile() => AssertCompiles("""
        [SyncsWith("Customcrm", "Contact", Origin = SyncOrigin.Both)]
        public partial class Contact
        {
            [SetsRequiredMembers] public Contact() { Name = ""; }
            [SyncId] public string Id { get; set; } = "";
            public required string Name { get; set; }
            public string Secret { set { _ = value; } }
        }
        """);

    [Fact]
    public void An_entity_inheriting_a_synced_entity_hides_its_generated_members() => AssertCompiles("""
        [SyncsWith("Customcrm", "Party")]
        public partial class Party { [SyncId] public string Id { get; set; } = ""; }

        [SyncsWith("Customcrm", "Person")]
        public partial class Person : Party { public string? Name { get; set; } }
        """);

    [Fact]
    public void An_entity_with_errors_keeps_its_client_member_so_only_SESAM_errors_show()
    {
        var (result, output) = Run("""
            [SyncsWith("Customcrm", "Product")]
            public partial class Product { public string Name { get; set; } = ""; }

            public static class Host
            {
                public static object Use(TestHost.TalkClient client) => client.Products;
            }
            """);

        Assert.Equal("SESAM002", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void A_child_whose_base_class_lost_its_sync_id_leaves_the_parent_compiling()
    {
        var (result, output) = Run("""
            public abstract class LineBase { public string Id { get; set; } = ""; }

            [SyncsWith("Customcrm", "Line")]
            public partial class Line : LineBase { }

            [SyncsWith("Customcrm", "Order")]
            public partial class Order
            {
                [SyncId] public string Id { get; set; } = "";
                [SyncChildren("Customcrm", "Line")] public List<Line> Lines { get; set; } = new();
            }
            """);

        Assert.Equal("SESAM002", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    [Fact]
    public void A_file_local_entity_is_reported_instead_of_crashing_the_generator()
    {
        var (result, _) = Run("""
            [SyncsWith("Customcrm", "Product")]
            file partial class Product { [SyncId] public string Id { get; set; } = ""; }
            """);

        Assert.Null(result.Results.Single().Exception);
        Assert.Equal("SESAM011", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void A_huge_name_gets_no_suggestion_and_costs_no_more_than_its_length()
    {
        var huge = new string('x', 1_000_000);

        Assert.Null(NameMatcher.Closest(huge, new[] { "Product2", "Account" }));
        Assert.Equal("Product2", NameMatcher.Closest("Prodcut2", new[] { "Account", "Product2", new string('y', 100_000) }));
    }

    [Fact]
    public void Enum_values_are_read_by_member_name_so_reordering_the_enums_changes_nothing()
    {
        // SesamTalk's attributes with the enums' members in another order and with other numbers.
        var compilation = GeneratorHarness.CompileWithoutAbstractions("""
            using System;

            namespace SesamTalk
            {
                public enum SyncOrigin { None, Both, Remote, Local }
                public enum FieldDirection { FromRemote, ToRemote, Both }
                public enum ConflictRule { RemoteWins, LocalWins, LatestWins }

                [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
                public sealed class SyncsWithAttribute(string system, string type) : Attribute
                {
                    public string System { get; } = system;
                    public string Type { get; } = type;
                    public SyncOrigin Origin { get; set; }
                }

                [AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
                public sealed class FieldAttribute(string system, string name) : Attribute
                {
                    public string System { get; } = system;
                    public string Name { get; } = name;
                    public FieldDirection Direction { get; set; }
                    public ConflictRule Conflict { get; set; }
                }

                public sealed class SyncIdAttribute : Attribute { }
            }

            namespace Shop
            {
                using SesamTalk;

                [SyncsWith("Customcrm", "Product", Origin = SyncOrigin.Remote)]
                public partial class Product
                {
                    [SyncId] public string Id { get; set; } = "";
                    [Field("Customcrm", "Title", Direction = FieldDirection.FromRemote, Conflict = ConflictRule.RemoteWins)] public string Name { get; set; } = "";
                    [Field("Customcrm", "Code", Direction = FieldDirection.Both, Conflict = ConflictRule.LatestWins)] public string Sku { get; set; } = "";
                }
            }
            """);

        var (result, _) = GeneratorHarness.Run(compilation);

        Assert.Empty(result.Diagnostics);
        var mapper = result.Results.Single().GeneratedSources.Single(s => s.HintName == "SesamTalk.Shop.Product.Customcrm.Product.g.cs").SourceText.ToString();
        Assert.Contains("Origin = global::SesamTalk.SyncOrigin.Remote;", mapper, StringComparison.Ordinal);
        Assert.Contains("Field = \"Title\", Kind = global::SesamTalk.SyncValueKind.String, Direction = global::SesamTalk.FieldDirection.FromRemote, Conflict = global::SesamTalk.ConflictRule.RemoteWins", mapper, StringComparison.Ordinal);
        Assert.Contains("Field = \"Code\", Kind = global::SesamTalk.SyncValueKind.String, Direction = global::SesamTalk.FieldDirection.Both, Conflict = global::SesamTalk.ConflictRule.LatestWins", mapper, StringComparison.Ordinal);
    }

    private static void AssertCompiles(string source)
    {
        var (result, output) = Run(source);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
    }

    private static (GeneratorDriverRunResult Result, Compilation Output) Run(string source)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Usings + source));
        Assert.Null(result.Results.Single().Exception);
        return (result, output);
    }
}
