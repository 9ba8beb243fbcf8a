using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SesamTalk.Generators.Tests.Infrastructure;
using static Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace SesamTalk.Generators.Tests;

/// <summary>What each kind of edit re-runs: the pipeline must stop as early as the models allow.</summary>
public class IncrementalTests
{
    private static readonly string[] HostFiles = { Sources.Product, Sources.Orders };

    [Fact]
    public void An_unrelated_new_file_leaves_every_model_step_cached_or_unchanged()
    {
        var (driver, compilation) = Primed();

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(Parse("namespace Other; public class Unrelated { public int X { get; set; } }")));

        AssertOnly(driver, Cached, Unchanged);
        Assert.All(Outputs(driver), output => Assert.Equal(Cached, output));
    }

    [Fact]
    public void A_comment_or_whitespace_edit_in_an_entity_file_changes_no_model()
    {
        var (driver, compilation) = Primed();

        driver = driver.RunGenerators(Replace(compilation, 0, Sources.Product.Replace("public decimal? Price", "// priced in NOK\n    public   decimal? Price", StringComparison.Ordinal)));

        AssertOnly(driver, Cached, Unchanged);
        Assert.All(Outputs(driver), output => Assert.Equal(Cached, output));
    }

    [Fact]
    public void Adding_a_property_regenerates_only_that_entitys_definition_and_the_mappers_it_maps_to()
    {
        var (driver, compilation) = Primed();

        driver = driver.RunGenerators(Replace(compilation, 0, Sources.Product.Replace(
            "[SyncIgnore]", "[SyncIgnore(\"Salesforce\"), SyncIgnore(\"SuperOffice\")] public string? Barcode { get; set; }\n\n    [SyncIgnore]", StringComparison.Ordinal)));

        // Product's model and its Exact Online mapper change; its other mappers, Customer, Order and OrderLine stay as they were.
        Assert.Equal(1, IncrementalAssert.Reasons(driver, TrackingNames.Entities).Count(r => r == Modified));
        Assert.Equal(1, IncrementalAssert.Reasons(driver, TrackingNames.Mappers).Count(r => r == Modified));
        Assert.All(IncrementalAssert.Reasons(driver, TrackingNames.ClientEntries), r => Assert.True(r is Cached or Unchanged, r.ToString()));
        Assert.True(IncrementalAssert.Reasons(driver, TrackingNames.ClientIndex).All(r => r is Cached or Unchanged));
        Assert.Equal(2, Outputs(driver).Count(r => r == Modified));
        var items = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith("ExactOnline.Items.g.cs", StringComparison.Ordinal));
        Assert.Contains("record[\"Barcode\"]", items.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_remote_type_regenerates_that_mapper_but_not_the_client()
    {
        var (driver, compilation) = Primed();

        driver = driver.RunGenerators(Replace(compilation, 0, Sources.Product.Replace("\"Items\"", "\"Item\"", StringComparison.Ordinal)));

        Assert.Contains(Modified, IncrementalAssert.Reasons(driver, TrackingNames.Entities));
        Assert.All(IncrementalAssert.Reasons(driver, TrackingNames.ClientIndex), r => Assert.True(r is Cached or Unchanged, r.ToString()));
        var hints = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains("SesamTalk.Shop.Catalog.Product.ExactOnline.Item.g.cs", hints);
        Assert.DoesNotContain("SesamTalk.Shop.Catalog.Product.ExactOnline.Items.g.cs", hints);
    }

    [Fact]
    public void Renaming_an_entity_regenerates_the_client()
    {
        var (driver, compilation) = Primed();

        driver = driver.RunGenerators(Replace(compilation, 0, Sources.Product.Replace("partial class Product", "partial class Article", StringComparison.Ordinal)));

        Assert.Equal(new[] { Modified }, IncrementalAssert.Reasons(driver, TrackingNames.ClientIndex));
        var client = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "SesamTalk.Client.g.cs");
        Assert.Contains("Articles", client.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_type_to_a_referenced_entity_keeps_the_referencing_mappers_when_the_chosen_type_stays()
    {
        var (driver, compilation) = Primed();

        // Order.CustomerId maps to AccountId, whose referenceTo keeps choosing Account over the new Division (added
        // last, so that Customer's existing mapper keeps its place in the step's outputs).
        driver = driver.RunGenerators(Replace(compilation, 1, Sources.Orders.Replace(
            "[SyncsWith(\"Salesforce\", \"Account\")]", "[SyncsWith(\"Salesforce\", \"Account\")]\n[SyncsWith(\"Salesforce\", \"Division\", Origin = SyncOrigin.None)]", StringComparison.Ordinal)));

        Assert.Equal(1, IncrementalAssert.Reasons(driver, TrackingNames.Entities).Count(r => r == Modified));
        Assert.Equal(new[] { New }, IncrementalAssert.Reasons(driver, TrackingNames.Mappers).Where(r => r is not (Cached or Unchanged)));
        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        Assert.Contains(sources, s => s.HintName == "SesamTalk.Shop.Sales.Customer.Salesforce.Division.g.cs");
    }

    [Fact]
    public void Changing_the_type_of_a_referenced_entity_regenerates_the_referencing_mappers_with_it()
    {
        var (driver, compilation) = Primed();

        driver = driver.RunGenerators(Replace(compilation, 1, Sources.Orders.Replace(
            "[SyncsWith(\"Salesforce\", \"Account\")]", "[SyncsWith(\"Salesforce\", \"Division\")]", StringComparison.Ordinal)));

        // Customer and Order change; Order's two Salesforce mappers now name Division.
        Assert.Equal(2, IncrementalAssert.Reasons(driver, TrackingNames.Entities).Count(r => r == Modified));
        var order = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "SesamTalk.Shop.Sales.Order.Salesforce.Order.g.cs");
        Assert.Contains("EntityType = typeof(global::Shop.Sales.Customer), TargetType = \"Division\" }", order.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_sources_in_different_compilations_give_equal_models()
    {
        var first = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(HostFiles));
        var second = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(HostFiles));

        var a = ModelValues(first);
        var b = ModelValues(second);
        Assert.Equal(a, b);
        Assert.Equal(a.Select(v => v.GetHashCode()), b.Select(v => v.GetHashCode()));
        Assert.NotSame(a[0], b[0]);
    }

    private static (GeneratorDriver Driver, Compilation Compilation) Primed()
    {
        var compilation = GeneratorHarness.Compile(HostFiles);
        return (GeneratorHarness.CreateDriver().RunGenerators(compilation), compilation);
    }

    private static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions);

    private static Compilation Replace(Compilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static void AssertOnly(GeneratorDriver driver, params IncrementalStepRunReason[] allowed)
    {
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in TrackingNames.Models.Where(steps.ContainsKey))
        {
            Assert.All(IncrementalAssert.Reasons(driver, name), reason => Assert.Contains(reason, allowed));
        }
    }

    private static IncrementalStepRunReason[] Outputs(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).Select(o => o.Reason).ToArray();

    private static object[] ModelValues(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Entities].SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
}
