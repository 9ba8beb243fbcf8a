using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Parsing;

/// <summary>The member names generated code declares in an entity: SyncDefinition, SesamTalkDefinition and one mapper per target.</summary>
internal static class ReservedNames
{
    public const string SyncDefinition = nameof(SyncDefinition);
    public const string DefinitionClass = "SesamTalkDefinition";

    /// <summary>Reports the entity's own members named like a generated member (SESAM012); true when there is one.</summary>
    public static bool Check(ParseContext parse)
    {
        var clash = false;
        foreach (var name in Names(parse.Targets.Select(t => (t.System, t.Type))))
        {
            foreach (var member in parse.Entity.GetMembers(name).Where(m => !m.IsImplicitlyDeclared))
            {
                parse.Report(DiagnosticDescriptors.ReservedMemberName, member.Locations.FirstOrDefault(), member.Name, parse.Entity.Name);
                clash = true;
            }
        }

        return clash;
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
        new[] { SyncDefinition, DefinitionClass }.Concat(targets.Select(t => Naming.MapperName(t.System, t.Type)));

    private static IEnumerable<(string System, string Type)> Targets(INamedTypeSymbol type) =>
        type.GetAttributes()
            .Select(AttributeConfigReader.Read)
            .OfType<SyncsWithConfig>()
            .Where(a => a.System is not null && a.Type is not null)
            .Select(a => (a.System!, a.Type!));
}
