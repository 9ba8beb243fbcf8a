using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>Builds the model of one target: which property maps to which field, match keys, children, constants.</summary>
internal static class TargetBuilder
{
    public static TargetModel Build(ParseContext parse, TargetDeclaration target, ImmutableArray<PropertyInfo> properties)
    {
        var fields = new List<FieldModel>();
        var children = new List<ChildModel>();
        var matchKeys = new List<string>();
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var property in properties)
        {
            parse.CancellationToken.ThrowIfCancellationRequested();
            if (IsIgnored(property, target))
            {
                continue;
            }

            if (property.Children.Any())
            {
                if (ChildBuilder.Build(parse, target, property) is { } child && Claim(parse, target, owners, child.Field, property))
                {
                    children.Add(child);
                }

                continue;
            }

            if (FieldBuilder.Build(parse, target, property) is not { } field || !Claim(parse, target, owners, field.Field, property))
            {
                continue;
            }

            fields.Add(field);
            if (property.MatchKeys.FirstOrDefault(key => key.Keys(target)) is { } matchKey)
            {
                matchKeys.Add(field.Field);
                parse.AddSite(SiteKey.MatchKey(target.System, target.Type, property.Name), parse.Where(matchKey));
            }
        }

        return new TargetModel(
            target.System,
            target.Type,
            target.Origin,
            Naming.MapperName(target.System, target.Type),
            fields.ToEquatableArray(),
            matchKeys.ToEquatableArray(),
            children.ToEquatableArray(),
            ConstantReader.Read(parse, target));
    }

    /// <summary>[SyncId] stays out unless a [Field] maps it; [SyncIgnore] without a system ignores everywhere.</summary>
    private static bool IsIgnored(PropertyInfo property, TargetDeclaration target) =>
        property.Ignores.Any(ignore => ignore.Ignores(target))
        || (property.IsSyncId && FieldBuilder.FieldAttributeFor(property, target) is null);

    /// <summary>Records that <paramref name="property"/> writes <paramref name="field"/>; a second writer is SESAM104.</summary>
    private static bool Claim(ParseContext parse, TargetDeclaration target, Dictionary<string, string> owners, string field, PropertyInfo property)
    {
        if (owners.TryGetValue(field, out var owner))
        {
            parse.Report(DiagnosticDescriptors.DuplicateField, property.Location, owner, property.Name, target.System + "/" + target.Type, field, target.System);
            return false;
        }

        owners.Add(field, property.Name);
        return true;
    }
}
