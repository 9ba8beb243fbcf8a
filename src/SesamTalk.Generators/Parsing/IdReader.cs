using System.Collections.Immutable;
using System.Linq;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>Finds the entity's one [SyncId] property and checks its type.</summary>
internal static class IdReader
{
    public static IdInfo? Read(ParseContext parse, ImmutableArray<PropertyInfo> properties)
    {
        var marked = properties.Where(p => p.IsSyncId).ToList();
        if (marked.Count == 0)
        {
            parse.Report(DiagnosticDescriptors.MissingSyncId, null, parse.Entity.Name);
            return null;
        }

        foreach (var extra in marked.Skip(1))
        {
            parse.Report(DiagnosticDescriptors.DuplicateSyncId, extra.Location, parse.Entity.Name, marked[0].Name, extra.Name);
        }

        var id = marked[0];
        var type = ValueTypeClassifier.Classify(id.Type);
        if (type is null || !CarriedKinds.Of(type.Kind).CanBeId || !id.CanRead)
        {
            parse.Report(DiagnosticDescriptors.UnsupportedIdType, id.Location, id.Name, Format.Display(id.Type));
            return null;
        }

        return new IdInfo(id.Name, type.Kind, type.IsNullable);
    }
}

/// <summary>The id property found by <see cref="IdReader"/>.</summary>
internal sealed record IdInfo(string Name, PropertyKind Kind, bool IsNullable);
