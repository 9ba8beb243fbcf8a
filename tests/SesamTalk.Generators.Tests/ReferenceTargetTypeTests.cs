using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Tests.Infrastructure;

namespace SesamTalk.Generators.Tests;

/// <summary>
/// Which of the referenced entity's remote types a reference descriptor names: the one [References] names, else
/// the one the catalog's referenceTo names, else the entity's only type in the system.
/// </summary>
public class ReferenceTargetTypeTests
{
    private const string Usings = "using System;\nusing SesamTalk;\n";

    /// <summary>A customer that syncs with two Salesforce types and one Customcrm type; Division comes first on purpose.</summary>
    private const string Customer = """
        [SyncsWith("Salesforce", "Division", Origin = SyncOrigin.None)]
        [SyncsWith("Salesforce", "Account", Origin = SyncOrigin.None)]
        [SyncsWith("Customcrm", "Customer")]
        public partial class Customer { [SyncId] public string Id { get; set; } = ""; }

        """;

    [Fact]
    public void The_catalogs_reference_to_picks_account_over_division()
    {
        var output = Generate(Customer + """
            [SyncsWith("Salesforce", "Order", Origin = SyncOrigin.None)]
            public partial class Order
            {
                [SyncId] public string Id { get; set; } = "";
                [References(typeof(Customer)), Field("Salesforce", "AccountId")] public string? CustomerId { get; set; }
            }
            """);

        Assert.Equal(
            "new() { Property = \"CustomerId\", Field = \"AccountId\", Entity = \"Customer\", EntityType = typeof(global::Customer), TargetType = \"Account\" }",
            ReferenceDescriptor(output, "Order.Salesforce.Order"));
    }

    [Fact]
    public void The_type_named_in_references_wins_over_the_catalogs_reference_to()
    {
        var output = Generate(Customer + """
            [SyncsWith("Salesforce", "Order", Origin = SyncOrigin.None)]
            public partial class Order
            {
                [SyncId] public string Id { get; set; } = "";
                [References(typeof(Customer), Type = "division"), Field("Salesforce", "AccountId")] public string? CustomerId { get; set; }
            }
            """);

        Assert.Equal(
            "new() { Property = \"CustomerId\", Field = \"AccountId\", Entity = \"Customer\", EntityType = typeof(global::Customer), TargetType = \"Division\" }",
            ReferenceDescriptor(output, "Order.Salesforce.Order"));
    }

    [Fact]
    public void The_named_type_applies_only_in_the_systems_where_the_referenced_entity_has_it()
    {
        var output = Generate(Customer + """
            [SyncsWith("Salesforce", "Order", Origin = SyncOrigin.None)]
            [SyncsWith("Customcrm", "Order")]
            public partial class Order
            {
                [SyncId] public string Id { get; set; } = "";
                [References(typeof(Customer), Type = "Division"), Field("Salesforce", "AccountId"), Field("Customcrm", "CustomerId")]
                public string? CustomerId { get; set; }
            }
            """);

        Assert.EndsWith("EntityType = typeof(global::Customer), TargetType = \"Division\" }", ReferenceDescriptor(output, "Order.Salesforce.Order"), StringComparison.Ordinal);
        Assert.EndsWith("EntityType = typeof(global::Customer), TargetType = \"Customer\" }", ReferenceDescriptor(output, "Order.Customcrm.Order"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_only_type_of_a_system_without_a_catalog_is_the_target_type()
    {
        var output = Generate(Customer + """
            [SyncsWith("Customcrm", "Order")]
            public partial class Order
            {
                [SyncId] public string Id { get; set; } = "";
                [References(typeof(Customer))] public string? CustomerId { get; set; }
            }
            """);

        Assert.Equal(
            "new() { Property = \"CustomerId\", Field = \"CustomerId\", Entity = \"Customer\", EntityType = typeof(global::Customer), TargetType = \"Customer\" }",
            ReferenceDescriptor(output, "Order.Customcrm.Order"));
    }

    /// <summary>Runs the generator; the host must get no diagnostics and compile cleanly with the output.</summary>
    private static GeneratorDriverRunResult Generate(string body)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Usings + body));

        Assert.Empty(result.Diagnostics.Select(DiagnosticText.Format));
        Assert.Empty(GeneratorHarness.CompileProblems(output).Select(DiagnosticText.Format));
        return result;
    }

    /// <summary>The one reference descriptor of the mapper <c>SesamTalk.{mapper}.g.cs</c>.</summary>
    private static string ReferenceDescriptor(GeneratorDriverRunResult result, string mapper)
    {
        var source = result.Results.Single().GeneratedSources.Single(s => s.HintName == "SesamTalk." + mapper + ".g.cs").SourceText.ToString();
        return Assert.Single(source.Split('\n').Select(line => line.Trim().TrimEnd(',')), line => line.StartsWith("new() { Property = ", StringComparison.Ordinal) && line.Contains("EntityType = ", StringComparison.Ordinal));
    }
}
