using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Validation;

namespace SesamTalk.Generators.Parsing;

/// <summary>Reports attributes that name a system, or a (system, type), the entity does not sync with (SESAM102).</summary>
internal static class AttributeSystemChecker
{
    public static void Check(ParseContext parse, ImmutableArray<PropertyInfo> properties)
    {
        foreach (var property in properties)
        {
            foreach (var attribute in property.Attributes)
            {
                var (system, type) = SystemAndType(attribute);
                if (system is not null)
                {
                    CheckOne(parse, attribute, system, type);
                }
            }
        }

        foreach (var constant in parse.Entity.GetAttributes().Where(a => a.Is(AttributeNames.SyncConstant)))
        {
            if (constant.Argument(0) is { } system)
            {
                CheckOne(parse, constant, system, constant.Argument(1));
            }
        }
    }

    private static (string? System, string? Type) SystemAndType(AttributeData attribute)
    {
        if (attribute.Is(AttributeNames.Field) || attribute.Is(AttributeNames.SyncIgnore))
        {
            return (attribute.Argument(0), attribute.Named<string>("Type"));
        }

        if (attribute.Is(AttributeNames.MatchKey))
        {
            return (attribute.Named<string>("System"), attribute.Named<string>("Type"));
        }

        if (attribute.Is(AttributeNames.SyncChildren))
        {
            return (attribute.Argument(0), attribute.Named<string>("ParentType"));
        }

        return (null, null);
    }

    private static void CheckOne(ParseContext parse, AttributeData attribute, string system, string? type)
    {
        if (!parse.SyncsWith(system, type))
        {
            var target = type is null ? system : system + "/" + type;
            parse.ReportWithProperties(DiagnosticDescriptors.UnknownSystem, parse.Where(attribute), Suggesting(parse, system, type), parse.Entity.Name, target, system);
        }
    }

    /// <summary>A misspelt system and the declared system nearest it, or, when the system is declared, the misspelt type and its nearest type.</summary>
    private static ImmutableDictionary<string, string?> Suggesting(ParseContext parse, string system, string? type) =>
        parse.SyncsWithSystem(system)
            ? DiagnosticProperties.Suggesting(type!, NameMatcher.Closest(type!, parse.Targets.Where(t => string.Equals(t.System, system, System.StringComparison.OrdinalIgnoreCase)).Select(t => t.Type)))
            : DiagnosticProperties.Suggesting(system, NameMatcher.Closest(system, parse.Targets.Select(t => t.System).Distinct()));
}
