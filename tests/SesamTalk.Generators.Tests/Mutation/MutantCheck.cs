using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SesamTalk.Generators.Tests.Infrastructure;

namespace SesamTalk.Generators.Tests.Mutation;

/// <summary>
/// The generator's promise for any input: it never throws, and when the input compiles and it reports no SESAM error,
/// what it adds compiles too, without warnings in the generated files (hosts build with warnings as errors).
/// </summary>
internal static class MutantCheck
{
    /// <summary>What broke the promise for <paramref name="input"/>, or <see langword="null"/>.</summary>
    public static string? Problem(Compilation input, AdditionalText[] additionalFiles)
    {
        var (run, output) = GeneratorHarness.Run(input, additionalFiles);
        var result = run.Results.Single();
        if (result.Exception is { } exception)
        {
            return "the generator threw " + exception.GetType().Name + ": " + exception.Message;
        }

        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || input.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        var generated = result.GeneratedSources.Select(source => source.SyntaxTree).ToHashSet();
        var problem = output.GetDiagnostics().FirstOrDefault(d =>
            d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree)));
        return problem is null ? null : "the output does not compile: " + Describe(problem);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var line = diagnostic.Location.SourceTree is { } tree
            ? tree.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString().Trim()
            : string.Empty;
        return DiagnosticText.Format(diagnostic) + " in " + Path.GetFileName(diagnostic.Location.SourceTree?.FilePath) + ": " + (line.Length > 160 ? string.Concat(line.AsSpan(0, 160), "...") : line);
    }
}
