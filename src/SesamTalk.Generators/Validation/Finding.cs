using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Validation;

/// <summary>
/// A problem found against a catalog, tied to a <see cref="Model.Site"/> key rather than a location; its properties
/// are what a code fix needs (see <see cref="Diagnostics.DiagnosticProperties"/>).
/// </summary>
internal sealed record Finding(DiagnosticDescriptor Descriptor, string SiteKey, object[] Arguments, ImmutableDictionary<string, string?>? Properties = null);
