using SesamTalk.Generators.Tests.Infrastructure;

namespace SesamTalk.Generators.Tests;

/// <summary>The generated output for representative hosts, against committed snapshots; each output must compile cleanly.</summary>
public class SnapshotTests
{
    [Fact]
    public void Entity_with_three_systems_match_keys_overrides_ignores_and_a_picklist() => Verify(Sources.Product);

    [Fact]
    public void Two_types_of_one_system_with_children_references_and_constants() => Verify(Sources.Orders);

    [Fact]
    public void Converter_directions_private_setters_and_a_nested_internal_record() => Verify(Sources.Conversions);

    [Fact]
    public void Entity_in_the_global_namespace() => Verify("""
        using SesamTalk;

        [SyncsWith("Customwebshop", "Customer")]
        public partial class Customer
        {
            [SyncId] public long Id { get; set; }
            public string? Name { get; set; }
        }
        """);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        Snapshot.MatchGenerated(result, nameof(SnapshotTests), test);
        IncrementalAssert.Cacheable(GeneratorHarness.Compile(source));
    }
}
