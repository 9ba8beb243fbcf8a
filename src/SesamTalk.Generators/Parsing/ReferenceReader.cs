using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;

namespace SesamTalk.Generators.Parsing;

/// <summary>Reads [References(typeof(X))] and checks that X is an entity synced with the target's system.</summary>
internal static class ReferenceReader
{
    public static (string? Name, string? Type) Read(ParseContext parse, PropertyInfo property, TargetDeclaration target)
    {
        var attribute = property.AttributesOf(AttributeNames.References).FirstOrDefault();
        if (attribute?.RawArgument(0)?.Value is not INamedTypeSymbol referenced)
        {
            return (null, null);
        }

        if (!SyncsWithSystem(referenced, target.System, type: null))
        {
            parse.Report(DiagnosticDescriptors.NotAnEntity, parse.Where(attribute), referenced.Name, target.System, "\"" + target.System + "\", ...");
            return (null, null);
        }

        return (referenced.Name, Format.TypeWithoutAnnotation(referenced));
    }

    /// <summary>Whether <paramref name="type"/> carries [SyncsWith(system, type)] (any type when <paramref name="type"/> is null).</summary>
    public static bool SyncsWithSystem(ITypeSymbol candidate, string system, string? type) =>
        candidate.GetAttributes().Any(a =>
            a.Is(AttributeNames.SyncsWith)
            && string.Equals(a.Argument(0), system, System.StringComparison.OrdinalIgnoreCase)
            && (type is null || string.Equals(a.Argument(1), type, System.StringComparison.OrdinalIgnoreCase)));
}
