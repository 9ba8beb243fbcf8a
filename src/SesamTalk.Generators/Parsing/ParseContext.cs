using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>The state of parsing one entity: the symbol, its attributes, the declared targets and the diagnostics found so far.</summary>
internal sealed class ParseContext
{
    private readonly List<Diagnostic> _diagnostics = new();

    public ParseContext(INamedTypeSymbol entity, HashSet<INamedTypeSymbol> visiting, CancellationToken cancellationToken)
    {
        Entity = entity;
        Visiting = visiting;
        CancellationToken = cancellationToken;
        Configs = entity.GetAttributes().Select(AttributeConfigReader.Read).OfType<AttributeConfig>().ToImmutableArray();
    }

    public INamedTypeSymbol Entity { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The entities being parsed up the chain of children that led here (this one included).</summary>
    public HashSet<INamedTypeSymbol> Visiting { get; }

    /// <summary>The SesamTalk attributes of the entity class, typed.</summary>
    public ImmutableArray<AttributeConfig> Configs { get; }

    /// <summary>The valid (system, type) targets, in declaration order.</summary>
    public List<TargetDeclaration> Targets { get; } = new();

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Where each part of the model was declared, for the catalog checks.</summary>
    public List<Site> Sites { get; } = new();

    public void AddSite(SiteKey key, Location location) => Sites.Add(new Site(key, location));

    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Adds a diagnostic once: checks that run per target may find the same problem for each of them. Roslyn's own
    /// equality compares message arguments by reference, so the comparison here is by id, place and message.
    /// </summary>
    public void Report(DiagnosticDescriptor descriptor, Location? location, params object[] arguments) =>
        Report(descriptor, location, ImmutableDictionary<string, string?>.Empty, arguments);

    /// <summary>Adds a diagnostic with properties a code fix reads (<see cref="Diagnostics.DiagnosticProperties"/>).</summary>
    public void Report(DiagnosticDescriptor descriptor, Location? location, ImmutableDictionary<string, string?> properties, params object[] arguments)
    {
        var diagnostic = Diagnostic.Create(descriptor, location ?? EntityLocation, properties, arguments);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (!_diagnostics.Any(d => d.Id == diagnostic.Id && d.Location == diagnostic.Location && d.GetMessage(CultureInfo.InvariantCulture) == message))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    public Location EntityLocation => Entity.Locations.FirstOrDefault() ?? Location.None;

    public Location Where(AttributeConfig attribute) => AttributeConfigReader.Location(attribute.Data, CancellationToken) ?? EntityLocation;

    public bool SyncsWithSystem(string system) =>
        Targets.Any(t => string.Equals(t.System, system, System.StringComparison.OrdinalIgnoreCase));

    public bool SyncsWith(string system, string? type) =>
        Targets.Any(t => AttributeConfig.AppliesTo(system, type, t));
}

/// <summary>One [SyncsWith] of the entity.</summary>
internal sealed record TargetDeclaration(string System, string Type, Origin Origin);
