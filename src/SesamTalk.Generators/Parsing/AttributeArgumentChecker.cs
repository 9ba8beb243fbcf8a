using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Validation;

namespace SesamTalk.Generators.Parsing;

/// <summary>
/// Checks the arguments of the entity's and its properties' attributes: a system, or (system, type), the entity does
/// not sync with (SESAM102, with the closest name it does sync with), and enum values that name no member (SESAM107).
/// </summary>
internal static class AttributeArgumentChecker
{
    public static void Check(ParseContext parse, ImmutableArray<PropertyInfo> properties)
    {
        foreach (var attribute in parse.Configs.Concat(properties.SelectMany(p => p.Configs)))
        {
            foreach (var value in attribute.UndefinedValues)
            {
                parse.Report(DiagnosticDescriptors.UndefinedEnumValue, parse.Where(attribute), value);
            }

            if (attribute.Scope is { System: { } system } scope && !parse.SyncsWith(system, scope.Type))
            {
                ReportUnknown(parse, attribute, system, scope.Type);
            }
        }
    }

    private static void ReportUnknown(ParseContext parse, AttributeConfig attribute, string system, string? type)
    {
        var (misspelt, suggestion) = parse.SyncsWithSystem(system)
            ? (type!, NameMatcher.Closest(type!, parse.Targets.Where(t => string.Equals(t.System, system, StringComparison.OrdinalIgnoreCase)).Select(t => t.Type)))
            : (system, NameMatcher.Closest(system, parse.Targets.Select(t => t.System).Distinct(StringComparer.OrdinalIgnoreCase)));
        var target = type is null ? system : system + "/" + type;
        parse.Report(
            DiagnosticDescriptors.UnknownSystem,
            parse.Where(attribute),
            DiagnosticProperties.Suggesting(misspelt, suggestion),
            parse.Entity.Name,
            target,
            system,
            DiagnosticProperties.DidYouMean(suggestion));
    }
}
