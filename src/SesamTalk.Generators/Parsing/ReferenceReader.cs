using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>
/// Reads [References(typeof(X))] for one target: checks that X is an entity synced with the target's system and
/// lists X's types in that system. The list comes from X's own [SyncsWith] attributes, read through the symbol in
/// this transform, so the model carries only strings; the transform runs again on every compilation change, so an
/// edit to X's attributes reaches the referencing entity. The catalog check drops the list once a type is decided
/// (<see cref="Validation.ReferenceResolver"/>), so the entity's final model changes only when the decision does.
/// </summary>
internal static class ReferenceReader
{
    public static ReferenceModel? Read(ParseContext parse, PropertyInfo property, TargetDeclaration target)
    {
        var attribute = property.References;
        if (attribute?.Entity is not { } referenced)
        {
            return null;
        }

        var candidates = TypesIn(referenced, target.System);
        if (candidates.Count == 0)
        {
            parse.Report(DiagnosticDescriptors.NotAnEntity, parse.Where(attribute), referenced.Name, target.System, "\"" + target.System + "\", ...");
            return null;
        }

        parse.AddSite(SiteKey.Reference(target.System, target.Type, property.Name), parse.Where(attribute));
        var reference = new ReferenceModel(referenced.Name, Format.TypeWithoutAnnotation(referenced), candidates, candidates.Count == 1 ? candidates[0] : null);
        if (attribute.Type is not { } named)
        {
            return reference;
        }

        var chosen = candidates.FirstOrDefault(c => string.Equals(c, named, StringComparison.OrdinalIgnoreCase));
        if (chosen is not null)
        {
            return reference with { TargetType = chosen };
        }

        // The named type may belong to another system the property maps to; it must name some type of the entity.
        if (!SyncsWithSystem(referenced, system: null, named))
        {
            parse.Report(DiagnosticDescriptors.NotAnEntity, parse.Where(attribute), referenced.Name, target.System + "/" + named, "\"" + target.System + "\", \"" + named + "\"");
        }

        return reference;
    }

    /// <summary>Whether <paramref name="candidate"/> carries [SyncsWith(system, type)]; a null system or type matches any.</summary>
    public static bool SyncsWithSystem(ITypeSymbol candidate, string? system, string? type) =>
        SyncsWith(candidate).Any(a =>
            (system is null || string.Equals(a.System, system, StringComparison.OrdinalIgnoreCase))
            && (type is null || string.Equals(a.Type, type, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The types <paramref name="referenced"/> syncs with in <paramref name="system"/>, in declaration order.</summary>
    private static EquatableArray<string> TypesIn(ITypeSymbol referenced, string system) =>
        SyncsWith(referenced)
            .Where(a => string.Equals(a.System, system, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Type)
            .OfType<string>()
            .Where(type => type.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToEquatableArray();

    private static System.Collections.Generic.IEnumerable<SyncsWithConfig> SyncsWith(ITypeSymbol type) =>
        type.GetAttributes().Select(AttributeConfigReader.Read).OfType<SyncsWithConfig>();
}
