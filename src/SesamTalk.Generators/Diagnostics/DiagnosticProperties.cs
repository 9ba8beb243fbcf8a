using System.Collections.Immutable;

namespace SesamTalk.Generators.Diagnostics;

/// <summary>
/// The keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the code fixes
/// (SesamTalk.Generators.CodeFixes, which compiles this same file) read: what to write, never what the message says.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The name a "did you mean" diagnostic suggests (SESAM102, SESAM201, SESAM202).</summary>
    public const string Suggestion = "Suggestion";

    /// <summary>The system of a SESAM202 field, for a property mapped by name that needs a [Field] to be renamed.</summary>
    public const string System = "System";

    /// <summary>The remote field's length that SESAM205 asks the property to declare.</summary>
    public const string MaxLength = "MaxLength";

    public static ImmutableDictionary<string, string?> Of(params (string Key, string? Value)[] entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                builder[key] = value;
            }
        }

        return builder.ToImmutable();
    }
}
