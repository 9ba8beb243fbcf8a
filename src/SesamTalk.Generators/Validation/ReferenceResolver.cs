using System;
using System.Collections.Generic;
using System.Linq;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Validation;

/// <summary>
/// Decides the remote type of a reference that parsing left open (the referenced entity syncs with several types
/// of the system and [References] names none): the one type among them that the catalog's <c>referenceTo</c> of
/// the field names. When nothing decides, SESAM211 asks the host to name it. A decided reference drops its
/// candidates, so that adding or removing another type of the referenced entity leaves this model equal (and its
/// mapper cached) unless the decision changes.
/// </summary>
internal static class ReferenceResolver
{
    /// <param name="target">The target the field maps to.</param>
    /// <param name="type">The target's catalog object, when the system has a catalog that knows the type.</param>
    /// <param name="field">The field, with its catalog spelling when the catalog knows it.</param>
    /// <param name="findings">Where SESAM211 goes.</param>
    public static FieldModel Resolve(TargetModel target, CatalogObject? type, FieldModel field, List<Finding> findings)
    {
        if (field.Reference is not { } reference)
        {
            return field;
        }

        if (reference.TargetType is { } decided)
        {
            return Decided(field, reference, decided);
        }

        var referenceTo = type?.Fields.FirstOrDefault(f => string.Equals(f.Name, field.Field, StringComparison.OrdinalIgnoreCase))?.ReferenceTo;
        var named = reference.Candidates.Where(c => referenceTo?.Contains(c, StringComparer.OrdinalIgnoreCase) == true).ToList();
        if (named.Count == 1)
        {
            return Decided(field, reference, named[0]);
        }

        var candidates = named.Count > 1 ? named : reference.Candidates.ToList();
        findings.Add(new Finding(
            DiagnosticDescriptors.AmbiguousReference,
            SiteKey.Reference(target.System, target.Type, field.Property),
            new object[] { field.Property, reference.Entity, target.System, string.Join(", ", candidates), target.Type, field.Field }));
        return field;
    }

    private static FieldModel Decided(FieldModel field, ReferenceModel reference, string type) =>
        field with { Reference = reference with { Candidates = EquatableArray<string>.Empty, TargetType = type } };
}
