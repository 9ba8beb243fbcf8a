using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace SesamTalk.Generators.CodeFixes.Tests.Infrastructure;

/// <summary>
/// A Roslyn code-fix test whose diagnostics come from the SesamTalk generator, not from an analyzer: the framework
/// runs the generator over the project, checks its diagnostics against the markup of <c>TestCode</c>, applies
/// <typeparamref name="TFix"/> to them (one at a time, then fix-all) and checks the result against <c>FixedCode</c>,
/// which must build with no diagnostic at all: no SESAM warning or error, no compiler error.
/// </summary>
internal sealed class GeneratorCodeFixTest<TFix> : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    // The running runtime's assemblies and SesamTalk.Abstractions, as the generator tests compile against: no
    // reference-assembly package is downloaded.
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(SyncsWithAttribute).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    public GeneratorCodeFixTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(References.Value);
        // The generated mappers are checked by the generator's snapshot tests; here they only have to compile.
        TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>Checks the diagnostics of <paramref name="before"/> (its markup and <paramref name="expected"/>) and the fix's result.</summary>
    public static Task VerifyAsync(string before, string after, params DiagnosticResult[] expected)
    {
        var test = new GeneratorCodeFixTest<TFix> { TestCode = before, FixedCode = after };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The fixes offered: <typeparamref name="TFix"/>, and any a test adds to apply several in turn.</summary>
    public List<CodeFixProvider> Fixes { get; } = new() { new TFix() };

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(SesamTalkGenerator) };

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => Fixes;
}
