using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>
/// Where an entity lives and how to re-declare it as partial. Names are C# as written in generated code (keywords
/// escaped with '@'). <see cref="InheritedNames"/> lists the generated member names a base type already has, which the
/// generated members hide with <c>new</c>.
/// </summary>
internal sealed record EntityHeader(
    string? Namespace,
    string Name,
    string FullyQualifiedName,
    string Declaration,
    EquatableArray<string> ContainingTypes,
    bool IsPublic,
    string HintPrefix,
    EquatableArray<string> InheritedNames);
