using SesamTalk.Testing.Catalogs;

namespace SesamTalk.Testing.Salesforce.Schema;

/// <summary>
/// The sObject schemas the emulator serves, built from the shared field catalog (<c>catalogs/Salesforce.catalog.json</c>,
/// format in <c>docs/catalogs.md</c>) that the generator checks mappings against, as read by <see cref="Catalog"/>.
/// </summary>
internal sealed class SchemaCatalog
{
    private const string SystemName = "Salesforce";
    private readonly Dictionary<string, SObjectSchema> _byName;

    private SchemaCatalog(IEnumerable<SObjectSchema> objects) =>
        _byName = objects.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Loads the embedded catalog, leaving out the object types in <paramref name="disabled"/>; the objects of
    /// <paramref name="orgCatalog"/> (the org's own catalog JSON, if any) add their fields to the standard objects of the
    /// same name, replacing a standard field of the same name, as an org's custom fields do.
    /// </summary>
    public static SchemaCatalog Load(IEnumerable<string> disabled, string? orgCatalog = null)
    {
        var catalog = Catalog.LoadEmbedded(SystemName);
        var custom = orgCatalog is null ? [] : Catalog.Parse(orgCatalog).Objects.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        var off = new HashSet<string>(disabled, StringComparer.OrdinalIgnoreCase);
        return new SchemaCatalog(catalog.Objects.Where(o => !off.Contains(o.Name))
            .Select(o => custom.TryGetValue(o.Name, out var extra) ? o with { Fields = [.. o.Fields.Where(f => !extra.Fields.Any(e => e.Name == f.Name)), .. extra.Fields] } : o)
            .Select(o => ToSchema(catalog, o)));
    }

    public SObjectSchema? Find(string name) => _byName.GetValueOrDefault(name);

    private static SObjectSchema ToSchema(Catalog catalog, CatalogObject entity)
    {
        var system = catalog.SystemFieldsOf(entity).Select(ToField).ToList();
        // Describe order: Id and IsDeleted first, then the object's fields, then the audit fields.
        var leading = system.Where(f => f.Name is "Id" or "IsDeleted");
        var trailing = system.Where(f => f.Name is not ("Id" or "IsDeleted"));
        return new SObjectSchema(
            entity.Name,
            entity.KeyPrefix ?? throw new InvalidDataException($"Salesforce catalog object {entity.Name} has no keyPrefix."),
            entity.Createable,
            entity.Updateable,
            entity.Deletable,
            [.. leading, .. entity.Fields.Select(ToField), .. trailing]);
    }

    private static FieldSchema ToField(CatalogField field) => new(field);
}
