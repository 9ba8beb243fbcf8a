using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SesamTalk.Generators.Tests.Infrastructure;

namespace SesamTalk.Generators.Tests.Mutation;

/// <summary>
/// One sample app's entity sources as a compilation the generator runs over: its Entities and Converters folders, the
/// implicit usings the SDK adds, and its catalogs as AdditionalFiles. Mutants replace one entity file of it.
/// </summary>
/// <param name="Name">The sample's folder name.</param>
/// <param name="Compilation">Its entities, converters and implicit usings.</param>
/// <param name="EntityFiles">The trees a mutant may change.</param>
/// <param name="Catalogs">Its catalogs, as AdditionalFiles.</param>
internal sealed record SampleHost(string Name, CSharpCompilation Compilation, IReadOnlyList<SyntaxTree> EntityFiles, AdditionalText[] Catalogs)
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Every sample under samples/ that has an Entities folder.</summary>
    public static IReadOnlyList<SampleHost> All() =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "samples"))
            .Where(directory => Directory.Exists(Path.Combine(directory, "Entities")))
            .OrderBy(directory => directory, StringComparer.Ordinal)
            .Select(Load)
            .ToList();

    private static SampleHost Load(string directory)
    {
        var entities = Files(directory, "Entities", "*.cs").Select(path => Parse(path)).ToList();
        var others = Files(directory, "Converters", "*.cs").Select(path => Parse(path)).Append(CSharpSyntaxTree.ParseText(ImplicitUsings, GeneratorHarness.ParseOptions, path: "GlobalUsings.g.cs"));
        var compilation = GeneratorHarness.CompileTrees(Path.GetFileName(directory), entities.Concat(others));
        var catalogs = Files(directory, "Catalogs", "*.catalog.json")
            .Select(path => (AdditionalText)new InMemoryAdditionalText(path, File.ReadAllText(path)))
            .ToArray();
        return new SampleHost(Path.GetFileName(directory), compilation, entities, catalogs);
    }

    private static IEnumerable<string> Files(string directory, string folder, string pattern)
    {
        var path = Path.Combine(directory, folder);
        return Directory.Exists(path) ? Directory.EnumerateFiles(path, pattern).OrderBy(file => file, StringComparer.Ordinal) : Enumerable.Empty<string>();
    }

    private static SyntaxTree Parse(string path) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(path), GeneratorHarness.ParseOptions, path: path);
}
