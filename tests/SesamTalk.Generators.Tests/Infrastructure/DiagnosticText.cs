using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Tests.Infrastructure;

/// <summary>Diagnostics as one comparable line each: <c>SESAM001 (5,22)-(5,29): message</c> (1-based lines and columns).</summary>
internal static class DiagnosticText
{
    public static string[] Of(GeneratorDriverRunResult result) => result.Diagnostics
        .OrderBy(d => d.Location.SourceSpan.Start)
        .Select(Format)
        .ToArray();

    public static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
