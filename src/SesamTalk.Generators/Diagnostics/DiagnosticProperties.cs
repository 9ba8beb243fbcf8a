using System.Collections.Immutable;

namespace SesamTalk.Generators.Diagnostics;

/// <summary>
/// The keys of <c>Diagnostic.Properties</c> that code fixes read (SesamTalk.Generators.CodeFixes, which compiles this same file), and the message parts that go with them.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The name the "did you mean" proposes (SESAM102, SESAM201, SESAM202, SESAM212).</summary>
    public const string Suggestion = nameof(Suggestion);

    /// <summary>
    /// The misspelt text the suggestion replaces: the value of a string argument of the attribute at the diagnostic's
    /// location, or, for SESAM202 on a property mapped by its name, the property's name.
    /// </summary>
    public const string Replaces = nameof(Replaces);

    /// <summary>The system of a SESAM202 field: a property mapped by its name gets <c>[Field(System, Suggestion)]</c>.</summary>
    public const string System = nameof(System);

    /// <summary>The remote field's length, the n of the [MaxLength(n)] SESAM205 asks for.</summary>
    public const string MaxLength = nameof(MaxLength);

    /// <summary>The properties of a "did you mean": empty when nothing is close.</summary>
    public static ImmutableDictionary<string, string?> Suggesting(string misspelt, string? suggestion) =>
        suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(Suggestion, suggestion).Add(Replaces, misspelt);

    /// <summary>The message part of a "did you mean": <c> (did you mean 'X'?)</c>, or nothing.</summary>
    public static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : " (did you mean '" + suggestion + "'?)";
}
