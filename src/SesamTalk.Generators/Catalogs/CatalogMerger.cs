using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Catalogs;

/// <summary>
/// Merges the host's catalogs into the standard ones. A host object extends the standard object of the same name:
/// its operation flags win, its fields replace standard fields of the same name, and its other fields are added
/// (an org's custom fields such as <c>Price__c</c>). Objects and systems the standard catalogs lack are added.
/// </summary>
internal static class CatalogMerger
{
    public static CatalogSet Merge(IEnumerable<CatalogModel> standard, ImmutableArray<CatalogParseResult> host)
    {
        var systems = new List<CatalogModel>(standard);
        foreach (var catalog in host.Select(r => r.Model).OfType<CatalogModel>().OrderBy(c => c.System, StringComparer.OrdinalIgnoreCase))
        {
            var index = systems.FindIndex(c => string.Equals(c.System, catalog.System, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                systems.Add(catalog);
            }
            else
            {
                systems[index] = Extend(systems[index], catalog);
            }
        }

        return new CatalogSet(systems.ToEquatableArray());
    }

    private static CatalogModel Extend(CatalogModel standard, CatalogModel host)
    {
        var objects = standard.Objects.ToList();
        foreach (var extension in host.Objects)
        {
            var index = objects.FindIndex(o => string.Equals(o.Name, extension.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                objects.Add(extension);
                continue;
            }

            var fields = objects[index].Fields
                .Where(f => extension.Fields.All(e => !string.Equals(e.Name, f.Name, StringComparison.OrdinalIgnoreCase)))
                .Concat(extension.Fields)
                .ToEquatableArray();
            objects[index] = extension with { Fields = fields };
        }

        return standard with { Objects = objects.ToEquatableArray() };
    }
}
