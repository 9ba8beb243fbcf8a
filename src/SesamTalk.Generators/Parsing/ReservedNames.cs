using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Parsing;

/// <summary>The member names generated code declares in an entity: SyncDefinition, SesamTalkDefinition, SyncTargets and one mapper per target.</summary>
internal static class ReservedNames
{
    public const string SyncDefinition = nameof(SyncDefinition);
    public const string DefinitionClass = "SesamTalkDefinition";
    public const string SyncTargets = nameof(SyncTargets);

    /// <summary>
    /// Reports the entity's own members named like a generated member, and inherited properties the mappers would read
    /// (SESAM012): the generated member would hide them. True when there is one.
    /// </summary>
    public static bool Check(ParseContext parse, ImmutableArray<PropertyInfo> properties)
    {
        var names = new HashSet<string>(Names(parse.Targets.Select(t => (t.System, t.Type))));
        var clashes = parse.Entity.GetMembers().Where(m => !m.IsImplicitlyDeclared && names.Contains(m.Name))
            .Concat(properties.Select(p => p.Symbol).Where(p => names.Contains(p.Name)))
            .Distinct<ISymbol>(SymbolEqualityComparer.Default)
            .ToList();
        foreach (var member in clashes)
        {
            parse.Report(DiagnosticDescriptors.ReservedMemberName, member.Locations.FirstOrDefault(), member.Name, parse.Entity.Name);
        }

        return clashes.Count > 0;
    }

    /// <summary>
    /// The generated member names of <paramref name="entity"/> that a base type already has, so the generated members
    /// hide them with <c>new</c>: members in source, and the generated members of a base class that is itself synced.
    /// </summary>
    public static EquatableArray<string> Inherited(INamedTypeSymbol entity)
    {
        var own = new HashSet<string>(Names(Targets(entity)));
        var inherited = new SortedSet<string>(System.StringComparer.Ordinal);
        for (var type = entity.BaseType; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            inherited.UnionWith(type.MemberNames.Where(own.Contains));
            var baseTargets = Targets(type).ToList();
            if (baseTargets.Count > 0)
            {
                inherited.UnionWith(Names(baseTargets).Where(own.Contains));
            }
        }

        return inherited.ToEquatableArray();
    }

    private static IEnumerable<string> Names(IEnumerable<(string System, string Type)> targets) =>
        new[] { SyncDefinition, DefinitionClass, SyncTargets }.Concat(targets.Select(t => Naming.MapperName(t.System, t.Type)));

    private static IEnumerable<(string System, string Type)> Targets(INamedTypeSymbol type) =>
        type.GetAttributes()
            .Select(AttributeConfigReader.Read)
            .OfType<SyncsWithConfig>()
            .Where(a => a.System is not null && a.Type is not null)
            .Select(a => (a.System!, a.Type!));
}
