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
    private static readonly string[] OriginNames = { "Local", "Remote", "Both", "None" };

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
            .Concat(findings.Select(f => Diagnostic.Create(f.Descriptor, result.Sites.FirstOrDefault(s => s.Key == f.SiteKey)?.Location, f.Properties, f.Arguments)))
            .ToEquatableArray();
    }

    private static TargetModel CheckTarget(string entity, TargetModel target, CatalogSet catalogs, List<Finding> findings)
    {
        var catalog = catalogs.For(target.System);
        if (catalog is null)
        {
            return WithReferences(target, null, target.Fields, findings);
        }

        var type = catalog.Objects.FirstOrDefault(o => string.Equals(o.Name, target.Type, StringComparison.OrdinalIgnoreCase));
        var targetSite = Site.Target(target.System, target.Type);
        if (type is null)
        {
            var suggestion = NameMatcher.Closest(target.Type, catalog.Objects.Select(o => o.Name));
            findings.Add(new Finding(DiagnosticDescriptors.UnknownType, targetSite, new object[] { target.System, target.Type, DiagnosticProperties.DidYouMean(suggestion) }, DiagnosticProperties.Suggesting(target.Type, suggestion)));
            return WithReferences(target, null, target.Fields, findings);
        }

        var creates = target.Origin is 0 or 2;
        if (creates && !type.Createable)
        {
            findings.Add(new Finding(DiagnosticDescriptors.CreateNotAllowed, targetSite, new object[] { target.System, type.Name, entity, OriginNames[target.Origin] }));
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
        var site = Site.Field(target.System, target.Type, field.Property);
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
            var suggestion = NameMatcher.Closest(field.Field, names);
            findings.Add(new Finding(DiagnosticDescriptors.UnknownField, site, new object[] { target.System, type.Name, field.Field, DiagnosticProperties.DidYouMean(suggestion) }, DiagnosticProperties.Suggesting(field.Field, suggestion).Add(DiagnosticProperties.System, target.System)));
            return field;
        }

        var remote = type.Fields.First(f => f.Name == candidates[0]);
        // A flow that never creates only ever updates, so a create-only field is read-only to it.
        if (field.Direction != 2 && !(remote.Updateable || (creates && remote.Createable)))
        {
            findings.Add(new Finding(DiagnosticDescriptors.ReadOnlyField, site, new object[] { target.System, type.Name, remote.Name, field.Property }));
        }

        if (!TypeCompatibility.Fits(field.Remote.Kind, field.Reference is not null, remote.Type))
        {
            findings.Add(new Finding(DiagnosticDescriptors.IncompatibleType, site, new object[] { field.Property, field.PropertyType, target.System, remote.Name, remote.Type, TypeCompatibility.Suggestion(remote.Type) }));
        }
        else if (remote.Length is { } length && TypeCompatibility.IsLimitedText(remote.Type) && field.Remote.Kind == PropertyKind.String
            && field.ConverterType is null && field.Direction != 2 && (field.MaxLength is null || field.MaxLength > length))
        {
            findings.Add(new Finding(DiagnosticDescriptors.PossibleTruncation, site, new object[] { target.System, remote.Name, length, field.Property }, ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.MaxLength, length.ToString(CultureInfo.InvariantCulture))));
        }

        return field with { Field = remote.Name, RemoteType = remote.Type, RemoteCreateable = remote.Createable, RemoteUpdateable = remote.Updateable };
    }

    private static void CheckMatchKeys(TargetModel target, CatalogObject type, List<FieldModel> fields, List<string> matchKeys, List<Finding> findings)
    {
        foreach (var key in matchKeys)
        {
            var remote = type.Fields.FirstOrDefault(f => f.Name == key);
            if (remote is { Filterable: false })
            {
                var property = fields.First(f => f.Field == key).Property;
                findings.Add(new Finding(DiagnosticDescriptors.MatchKeyNotSearchable, Site.MatchKey(target.System, target.Type, property), new object[] { target.System, type.Name, remote.Name, property }));
            }
        }
    }

    private static void CheckConstants(TargetModel target, CatalogObject type, List<Finding> findings)
    {
        foreach (var constant in target.Constants)
        {
            var site = Site.Constant(target.System, target.Type, constant.Field);
            var remote = type.Fields.FirstOrDefault(f => string.Equals(f.Name, constant.Field, StringComparison.OrdinalIgnoreCase));
            if (remote is null)
            {
                var suggestion = NameMatcher.Closest(constant.Field, type.Fields.Select(f => f.Name));
                findings.Add(new Finding(DiagnosticDescriptors.UnknownField, site, new object[] { target.System, type.Name, constant.Field, DiagnosticProperties.DidYouMean(suggestion) }, DiagnosticProperties.Suggesting(constant.Field, suggestion)));
            }
            else if (!remote.Createable)
            {
                findings.Add(new Finding(DiagnosticDescriptors.ReadOnlyField, site, new object[] { target.System, type.Name, remote.Name, "[SyncConstant]" }));
            }
            else if (constant.Kind is { } kind && !TypeCompatibility.Fits(kind, false, remote.Type))
            {
                findings.Add(new Finding(DiagnosticDescriptors.IncompatibleType, site, new object[] { "[SyncConstant]", constant.Literal, target.System, remote.Name, remote.Type, TypeCompatibility.Suggestion(remote.Type) }));
            }
        }
    }

    private static void CheckRequired(string entity, TargetModel target, CatalogObject type, List<FieldModel> fields, List<Finding> findings)
    {
        var written = new HashSet<string>(fields.Where(f => f.Direction != 2).Select(f => f.Field), StringComparer.OrdinalIgnoreCase);
        written.UnionWith(target.Constants.Select(c => c.Field));
        foreach (var required in type.Fields.Where(f => f.IsRequiredOnCreate && !f.Key && !written.Contains(f.Name)))
        {
            findings.Add(new Finding(DiagnosticDescriptors.RequiredFieldMissing, Site.Target(target.System, target.Type), new object[] { target.System, type.Name, required.Name, entity }));
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
}
