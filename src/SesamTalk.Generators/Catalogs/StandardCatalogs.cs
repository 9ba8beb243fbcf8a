using System.Collections.Immutable;
using System.IO;
using System.Linq;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Catalogs;

/// <summary>The catalogs of Salesforce, SuperOffice and Exact Online shipped inside the generator (catalogs/*.catalog.json).</summary>
internal static class StandardCatalogs
{
    private const string Prefix = "SesamTalk.Generators.Catalogs.";

    public static ImmutableArray<CatalogModel> All { get; } = Load();

    private static ImmutableArray<CatalogModel> Load()
    {
        var assembly = typeof(StandardCatalogs).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, System.StringComparison.Ordinal))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                var result = CatalogParser.Parse(name, reader.ReadToEnd(), isHost: false);
                return result.Model ?? throw new InvalidDataException("Standard catalog " + name + ": " + result.Error);
            })
            .ToImmutableArray();
    }
}
