using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using SesamTalk.Generators.Tests.Infrastructure;
using SesamTalk.Generators.Tests.Mutation;

namespace SesamTalk.Generators.Tests;

/// <summary>
/// Seeded mutants of the samples' entity sources: the generator never throws, and its output compiles whenever the
/// input compiles and no SESAM error was reported. CI runs a few hundred mutants with a fixed seed;
/// <c>SESAMTALK_MUTANTS</c> and <c>SESAMTALK_MUTATION_SEED</c> run more, or others.
/// </summary>
public class MutationTests
{
    private const int DefaultMutants = 300;
    private const int DefaultSeed = 17;

    [Fact]
    public void The_samples_entities_generate_without_diagnostics_and_the_output_compiles()
    {
        foreach (var host in SampleHost.All())
        {
            var (result, output) = GeneratorHarness.Run(host.Compilation, host.Catalogs);

            Assert.Empty(result.Diagnostics);
            Assert.Empty(GeneratorHarness.CompileProblems(output));
        }
    }

    [Fact]
    public void Mutated_sample_entities_never_crash_the_generator_and_compile_whenever_no_SESAM_error_was_reported()
    {
        var count = Setting("SESAMTALK_MUTANTS", DefaultMutants);
        var seed = Setting("SESAMTALK_MUTATION_SEED", DefaultSeed);
        var random = new Random(seed);
        var hosts = SampleHost.All();
        var failures = new List<string>();

        for (var i = 0; i < count; i++)
        {
            var host = hosts[random.Next(hosts.Count)];
            var file = host.EntityFiles[random.Next(host.EntityFiles.Count)];
            var (mutation, text) = Mutator.Mutate(file, random);
            var mutant = host.Compilation.ReplaceSyntaxTree(file, file.WithChangedText(SourceText.From(text)));
            if (MutantCheck.Problem(mutant, host.Catalogs) is { } problem)
            {
                failures.Add($"mutant {i} of seed {seed}, {host.Name}/{Path.GetFileName(file.FilePath)}, {mutation}: {problem}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {count} mutants broke the generator's promise:\n" + string.Join("\n", failures));
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
