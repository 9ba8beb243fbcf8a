using SesamTalk.Testing.Catalogs;

namespace SesamTalk.Testing.Custom.Schema;

/// <summary>
/// The record types of one custom system, from catalog JSON text a host or test supplies (format in
/// <c>docs/catalogs.md</c>, read by <see cref="Catalog.Parse"/>), in the shared <see cref="CatalogObject"/>/<see cref="CatalogField"/>
/// model. Key fields (<c>"key": true</c>) are the record's envelope <c>id</c>, not a field.
/// </summary>
internal sealed class CustomCatalog
{
    private readonly Dictionary<string, CatalogType> _types;

    private CustomCatalog(IEnumerable<CatalogType> types) =>
        _types = types.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The type of this name (compared case-insensitively), or null.</summary>
    public CatalogType? Find(string name) => _types.GetValueOrDefault(name);

    /// <summary>Reads catalog JSON text; a malformed catalog throws <see cref="InvalidDataException"/> naming the problem.</summary>
    public static CustomCatalog Parse(string json)
    {
        var catalog = Catalog.Parse(json);
        return new CustomCatalog(catalog.Objects.Select(o => Merge(catalog, o)));
    }

    private static CatalogType Merge(Catalog catalog, CatalogObject entity) => new(
        entity,
        catalog.SystemFieldsOf(entity).Concat(entity.Fields).Where(f => !f.Key).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase));
}

/// <summary>One record type of a <see cref="CustomCatalog"/>: the object and its fields (system fields merged in, keys left out) by name.</summary>
internal sealed record CatalogType(CatalogObject Object, IReadOnlyDictionary<string, CatalogField> Fields)
{
    public string Name => Object.Name;
}
