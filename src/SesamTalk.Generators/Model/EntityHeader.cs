using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>Where an entity lives and how to re-declare it as partial.</summary>
internal sealed record EntityHeader(
    string? Namespace,
    string Name,
    string FullyQualifiedName,
    string Declaration,
    EquatableArray<string> ContainingTypes,
    bool IsPublic,
    string HintPrefix);
