using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Parsing;

/// <summary>The state of parsing one entity: the symbol, the declared targets and the diagnostics found so far.</summary>
internal sealed class ParseContext
{
    private readonly List<Diagnostic> _diagnostics = new();

    public ParseContext(INamedTypeSymbol entity, CancellationToken cancellationToken)
    {
        Entity = entity;
        CancellationToken = cancellationToken;
    }

    public INamedTypeSymbol Entity { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The valid (system, type) targets, in declaration order.</summary>
    public List<TargetDeclaration> Targets { get; } = new();

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Where each part of the model was declared, for the catalog checks.</summary>
    public List<Model.Site> Sites { get; } = new();

    public void AddSite(string key, Location location) => Sites.Add(new Model.Site(key, location));

    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Report(DiagnosticDescriptor descriptor, Location? location, params object[] arguments) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, location ?? EntityLocation, arguments));

    public Location EntityLocation => Entity.Locations.FirstOrDefault() ?? Location.None;

    public Location Where(AttributeData attribute) => attribute.Location(CancellationToken) ?? EntityLocation;

    public bool SyncsWithSystem(string system) =>
        Targets.Any(t => string.Equals(t.System, system, System.StringComparison.OrdinalIgnoreCase));

    public bool SyncsWith(string system, string? type) =>
        Targets.Any(t => AttributeReader.AppliesTo(system, type, t.System, t.Type));
}

/// <summary>One [SyncsWith] of the entity.</summary>
internal sealed record TargetDeclaration(string System, string Type, int Origin);
