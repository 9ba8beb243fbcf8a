using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>
/// An entity as the typed client sees it. Kept tiny on purpose: the client is an aggregate over every entity,
/// so it must not change when only a mapping detail of one entity changes.
/// </summary>
internal sealed record ClientEntry(string Name, string FullyQualifiedName, bool IsPublic, EquatableArray<string> ReferencedEntities);
