using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Validation;

/// <summary>A problem found against a catalog, tied to the <see cref="SiteKey"/> of what it concerns rather than a location.</summary>
internal sealed record Finding(DiagnosticDescriptor Descriptor, SiteKey Site, object[] Arguments)
{
    /// <summary>What a code fix needs (<see cref="Diagnostics.DiagnosticProperties"/>).</summary>
    public ImmutableDictionary<string, string?> Properties { get; init; } = ImmutableDictionary<string, string?>.Empty;
}
