using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Validation;

/// <summary>
/// Checks an entity's targets against the systems' catalogs and completes the model from them: by-name fields
/// get the catalog's spelling, every field its catalog data type, and references their remote type (see
/// <see cref="ReferenceResolver"/>; this runs for systems without a catalog too). The same function serves the
/// model branch (which keeps the completed model) and the diagnostics branch (which keeps the findings).
/// </summary>
internal static class CatalogValidator
{
    public static (EntityModel Model, IReadOnlyList<Finding> Findings) Check(EntityModel model, CatalogSet catalogs)
    {
        var findings = new List<Finding>();
        var targets = model.Targets.Select(target => CheckTarget(model.Header.Name, target, catalogs, findings)).ToEquatableArray();
        return (model with { Targets = targets }, findings);
    }

    /// <summary>The parse diagnostics plus the catalog findings, placed at the sites they concern.</summary>
    public static EquatableArray<Diagnostic> Diagnostics(ParseResult result, CatalogSet catalogs)
    {
        if (result.Model is null)
        {
            return result.Diagnostics;
        }

        var findings = Check(result.Model, catalogs).Findings;
        return result.Diagnostics
            .Concat(findings.Select(f => Diagnostic.Create(f.Descriptor, Where(result, f.Site), f.Properties, f.Arguments)))
            .ToEquatableArray();
    }

    /// <summary>The site's location; a finding whose site parsing did not record (which a test guards against) goes on the entity.</summary>
    private static Location? Where(ParseResult result, SiteKey key) =>
        result.Sites.FirstOrDefault(s => s.Key == key)?.Location ?? result.Declaration?.Location;

    private static TargetModel CheckTarget(string entity, TargetModel target, CatalogSet catalogs, List<Finding> findings)
    {
        var catalog = catalogs.For(target.System);
        var targetSite = SiteKey.Target(target.System, target.Type);
        if (catalog is null)
        {
            var system = NameMatcher.Closest(target.System, catalogs.Catalogs.Select(c => c.System));
            if (system is not null)
            {
                findings.Add(Suggesting(DiagnosticDescriptors.MisspelledSystem, targetSite, target.System, system, new object[] { target.System }));
            }

            return WithReferences(target, null, target.Fields, findings);
        }

        var type = catalog.Objects.FirstOrDefault(o => string.Equals(o.Name, target.Type, StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            var closest = NameMatcher.Closest(target.Type, catalog.Objects.Select(o => o.Name));
            findings.Add(Suggesting(DiagnosticDescriptors.UnknownType, targetSite, target.Type, closest, new object[] { target.System, target.Type }));
            return WithReferences(target, null, target.Fields, findings);
        }

        var creates = target.Origin.CreatesRemote();
        if (creates && !type.Createable)
        {
            findings.Add(new Finding(DiagnosticDescriptors.CreateNotAllowed, targetSite, new object[] { target.System, type.Name, entity, target.Origin.ToString() }));
        }

        var fields = target.Fields.Select(field => CheckField(target, type, creates, field, findings)).ToList();
        var matchKeys = target.MatchKeys.Select(key => Renamed(key, target.Fields, fields)).ToList();
        CheckMatchKeys(target, type, fields, matchKeys, findings);
        CheckConstants(target, type, findings);
        if (creates && type.Createable)
        {
            CheckRequired(entity, target, type, fields, findings);
        }

        return WithReferences(target with { MatchKeys = matchKeys.ToEquatableArray() }, type, fields, findings);
    }

    /// <summary>The target with <paramref name="fields"/>, their references' remote types decided where parsing left them open.</summary>
    private static TargetModel WithReferences(TargetModel target, CatalogObject? type, IEnumerable<FieldModel> fields, List<Finding> findings) =>
        target with { Fields = fields.Select(field => ReferenceResolver.Resolve(target, type, field, findings)).ToEquatableArray() };

    private static FieldModel CheckField(TargetModel target, CatalogObject type, bool creates, FieldModel field, List<Finding> findings)
    {
        var site = SiteKey.Field(target.System, target.Type, field.Property);
        var names = type.Fields.Select(f => f.Name);
        var candidates = field.ByName
            ? NameMatcher.Candidates(field.Field, names)
            : names.Where(n => string.Equals(n, field.Field, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count > 1)
        {
            findings.Add(new Finding(DiagnosticDescriptors.AmbiguousField, site, new object[] { field.Property, target.System, type.Name, string.Join(", ", candidates) }));
            return field;
        }

        if (candidates.Count == 0)
        {
            var unknown = Suggesting(DiagnosticDescriptors.UnknownField, site, field.Field, NameMatcher.Closest(field.Field, names), new object[] { target.System, type.Name, field.Field });
            findings.Add(unknown with { Properties = unknown.Properties.Add(DiagnosticProperties.System, target.System) });
            return field;
        }

        var remote = type.Fields.First(f => f.Name == candidates[0]);
        // A flow that never creates only ever updates, so a create-only field is read-only to it.
        if (field.Direction.ToRemote() && !(remote.Updateable || (creates && remote.Createable)))
        {
            findings.Add(ReadOnly(target, type, remote, site, "map '" + field.Property + "' with Direction = FieldDirection.FromRemote or remove the mapping"));
        }

        if (!TypeCompatibility.Fits(field.Remote.Kind, field.Reference is not null, remote.Type))
        {
            findings.Add(new Finding(DiagnosticDescriptors.IncompatibleType, site, new object[] { field.Property, field.PropertyType, target.System, remote.Name, remote.Type, TypeCompatibility.Suggestion(remote.Type) }));
        }
        else if (remote.Length is { } length && TypeCompatibility.IsLimitedText(remote.Type) && field.Remote.Kind == PropertyKind.String
            && field.ConverterType is null && field.Direction.ToRemote() && (field.MaxLength is null || field.MaxLength > length))
        {
            findings.Add(Truncation(target, remote, length, field));
        }

        return field with { Field = remote.Name, Catalog = new CatalogFacts(remote.Type, remote.Createable, remote.Updateable) };
    }

    private static void CheckMatchKeys(TargetModel target, CatalogObject type, List<FieldModel> fields, List<string> matchKeys, List<Finding> findings)
    {
        foreach (var key in matchKeys)
        {
            var remote = type.Fields.FirstOrDefault(f => f.Name == key);
            if (remote is { Filterable: false })
            {
                var property = fields.First(f => f.Field == key).Property;
                findings.Add(new Finding(DiagnosticDescriptors.MatchKeyNotSearchable, SiteKey.MatchKey(target.System, target.Type, property), new object[] { target.System, type.Name, remote.Name, property }));
            }
        }
    }

    private static void CheckConstants(TargetModel target, CatalogObject type, List<Finding> findings)
    {
        foreach (var constant in target.Constants)
        {
            var site = SiteKey.Constant(target.System, target.Type, constant.Field);
            var remote = type.Fields.FirstOrDefault(f => string.Equals(f.Name, constant.Field, StringComparison.OrdinalIgnoreCase));
            if (remote is null)
            {
                var closest = NameMatcher.Closest(constant.Field, type.Fields.Select(f => f.Name));
                findings.Add(Suggesting(DiagnosticDescriptors.UnknownField, site, constant.Field, closest, new object[] { target.System, type.Name, constant.Field }));
            }
            else if (!remote.Createable)
            {
                findings.Add(ReadOnly(target, type, remote, site, "remove the [SyncConstant]"));
            }
            else if (constant.Kind is { } kind && !TypeCompatibility.Fits(kind, false, remote.Type))
            {
                findings.Add(new Finding(DiagnosticDescriptors.IncompatibleType, site, new object[] { "[SyncConstant]", constant.Literal, target.System, remote.Name, remote.Type, TypeCompatibility.Suggestion(remote.Type) }));
            }
        }
    }

    private static void CheckRequired(string entity, TargetModel target, CatalogObject type, List<FieldModel> fields, List<Finding> findings)
    {
        var written = new HashSet<string>(fields.Where(f => f.Direction.ToRemote()).Select(f => f.Field), StringComparer.OrdinalIgnoreCase);
        written.UnionWith(target.Constants.Select(c => c.Field));
        foreach (var required in type.Fields.Where(f => f.IsRequiredOnCreate && !f.Key && !written.Contains(f.Name)))
        {
            findings.Add(new Finding(DiagnosticDescriptors.RequiredFieldMissing, SiteKey.Target(target.System, target.Type), new object[] { target.System, type.Name, required.Name, entity }));
        }
    }

    private static string Renamed(string key, EquatableArray<FieldModel> before, List<FieldModel> after)
    {
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i].Field == key)
            {
                return after[i].Field;
            }
        }

        return key;
    }

    /// <summary>A "did you mean" finding: the message's last argument and the properties a code fix reads.</summary>
    private static Finding Suggesting(DiagnosticDescriptor descriptor, SiteKey site, string misspelt, string? suggestion, object[] arguments) =>
        new(descriptor, site, arguments.Append(DiagnosticProperties.DidYouMean(suggestion)).ToArray())
        {
            Properties = DiagnosticProperties.Suggesting(misspelt, suggestion),
        };

    /// <summary>SESAM203: when a host catalog states neither flag of the field, the catalog is what to correct.</summary>
    private static Finding ReadOnly(TargetModel target, CatalogObject type, CatalogField remote, SiteKey site, string otherwise)
    {
        var fix = remote.StatesWriteFlags
            ? "; " + otherwise
            : " because its catalog entry states neither \"createable\" nor \"updateable\"; if the API can write it, add \"createable\": true and \"updateable\": true to the catalog, otherwise " + otherwise;
        return new Finding(DiagnosticDescriptors.ReadOnlyField, site, new object[] { target.System, type.Name, remote.Name, fix });
    }

    /// <summary>SESAM205: no limit on the property, or one longer than the field's.</summary>
    private static Finding Truncation(TargetModel target, CatalogField remote, int length, FieldModel field)
    {
        var limit = length.ToString(CultureInfo.InvariantCulture);
        var what = field.MaxLength is { } declared
            ? "'" + field.Property + "' declares [MaxLength(" + declared.ToString(CultureInfo.InvariantCulture) + ")], which is longer; lower it to [MaxLength(" + limit + ")]"
            : "'" + field.Property + "' declares no limit; add [MaxLength(" + limit + ")] to the property";
        return new Finding(DiagnosticDescriptors.PossibleTruncation, SiteKey.Field(target.System, target.Type, field.Property), new object[] { target.System, remote.Name, length, what })
        {
            Properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.MaxLength, limit),
        };
    }
}
