using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SesamTalk.Generators.Tests.Infrastructure;

/// <summary>Builds compilations of test sources and runs the generator over them with step tracking on.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpCompilation Compile(params string[] sources) => CompileAs("TestHost", sources);

    public static CSharpCompilation CompileAs(string assemblyName, params string[] sources) =>
        CompileTrees(assemblyName, sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")));

    public static CSharpCompilation CompileTrees(string assemblyName, IEnumerable<SyntaxTree> trees) =>
        CompileTrees(assemblyName, trees, References.Value);

    /// <summary>A compilation without SesamTalk.Abstractions: the sources declare the attributes and enums they use.</summary>
    public static CSharpCompilation CompileWithoutAbstractions(string source) =>
        CompileTrees(
            "TestHost",
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source0.cs") },
            References.Value.Where(reference => reference.Display != typeof(SyncsWithAttribute).Assembly.Location));

    private static CSharpCompilation CompileTrees(string assemblyName, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(params AdditionalText[] additionalFiles) =>
        CSharpGeneratorDriver.Create(
            new[] { new SesamTalkGenerator().AsSourceGenerator() },
            additionalTexts: additionalFiles,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator once; returns the run result and the compilation with the generated sources added. Every
    /// diagnostic any test produces must have a location, so an IDE and the build can place it.
    /// </summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(Compilation compilation, params AdditionalText[] additionalFiles)
    {
        var driver = CreateDriver(additionalFiles).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult();
        Assert.All(result.Diagnostics, d => Assert.True(d.Location.Kind != LocationKind.None, d.Id + " has no location: " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        return (result, output);
    }

    /// <summary>Errors and warnings of the output compilation (what a host's build with warnings as errors would stop on).</summary>
    public static IReadOnlyList<Diagnostic> CompileProblems(Compilation output) =>
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The running runtime's assemblies plus SesamTalk.Abstractions and its DI dependency.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var extra = new[] { typeof(SyncsWithAttribute).Assembly.Location, typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location };
        return platform.Concat(extra).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
