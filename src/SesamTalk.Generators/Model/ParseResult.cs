using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>
/// What parsing one entity gives: the model (null when an error blocks generation), the diagnostics, and for an
/// entity with errors that can still carry a member, its header (<see cref="Stub"/>), so the typed client keeps the
/// entity's member and the user sees the one error instead of follow-on errors in the client.
/// The diagnostics keep real locations so <c>#pragma warning disable</c> works; they travel in their own
/// pipeline branch, apart from the model, as dotnet/runtime's generators do since PR #124994. The sites travel
/// with them, so that checks against the catalogs can point at the attribute or property they concern.
/// </summary>
internal sealed record ParseResult(
    EntityModel? Model,
    EntityHeader? Stub,
    EquatableArray<Diagnostic> Diagnostics,
    EquatableArray<Site> Sites,
    EntityDeclaration? Declaration);

/// <summary>An entity the client gets a member for, and where it is declared (for SESAM009).</summary>
internal sealed record EntityDeclaration(string Name, string FullyQualifiedName, Location Location);
