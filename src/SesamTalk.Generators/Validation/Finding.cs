using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Validation;

/// <summary>A problem found against a catalog, tied to a <see cref="Model.Site"/> key rather than a location.</summary>
internal sealed record Finding(DiagnosticDescriptor Descriptor, string SiteKey, object[] Arguments);
