using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>
/// What parsing one entity gives: the model (null when an error blocks generation) and the diagnostics.
/// The diagnostics keep real locations so <c>#pragma warning disable</c> works; they travel in their own
/// pipeline branch, apart from the model, as dotnet/runtime's generators do since PR #124994. The sites travel
/// with them, so that checks against the catalogs can point at the attribute or property they concern.
/// </summary>
internal sealed record ParseResult(EntityModel? Model, EquatableArray<Diagnostic> Diagnostics, EquatableArray<Site> Sites);
