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

    private SchemaCatalog(IEnumerable<SObjectSchema> objects)
    {
        All = [.. objects];
        _byName = All.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every object the org has, in catalog order (what describe-global lists).</summary>
    public IReadOnlyList<SObjectSchema> All { get; }

    /// <summary>
    /// Loads the embedded catalog extended by <paramref name="extra"/> (catalog JSON texts, applied in order), completes
    /// custom objects, and leaves out the object types in <paramref name="disabled"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">An extra catalog cannot be read, is of another system, or gives two objects one key prefix.</exception>
    public static SchemaCatalog Load(IEnumerable<string> disabled, IEnumerable<string> extra)
    {
        var catalog = Catalog.LoadExtended(SystemName, extra, "SalesforceEmulatorOptions.Catalogs");
        var off = new HashSet<string>(disabled, StringComparer.OrdinalIgnoreCase);
        var objects = CustomObjects.Complete(catalog.Objects);
        var clash = objects.GroupBy(o => o.KeyPrefix, StringComparer.Ordinal).FirstOrDefault(g => g.Key is not null && g.Count() > 1);
        return clash is null
            ? new SchemaCatalog(objects.Where(o => !off.Contains(o.Name)).Select(o => ToSchema(catalog, o)))
            : throw new InvalidDataException($"The Salesforce catalogs give {string.Join(" and ", clash.Select(o => o.Name))} one key prefix, {clash.Key}.");
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
