using SesamTalk.Testing.Catalogs;

namespace SesamTalk.Testing.ExactOnline.Schema;

/// <summary>
/// One Exact Online entity set: its REST path, OData model type, key, fields in the catalog's order, navigation
/// properties, and where the sync API serves it.
/// </summary>
internal sealed class EntitySchema
{
    private readonly Dictionary<string, CatalogField> _byName;
    private readonly List<Navigation> _navigations = [];

    public EntitySchema(CatalogObject entity, string path, string modelType, string? syncPath, int syncEntityType, string modelNamespace = "Exact.Web.Api.Models.")
    {
        Name = entity.Name;
        Path = path;
        ModelType = modelNamespace + modelType;
        SyncPath = syncPath;
        SyncEntityType = syncEntityType;
        Createable = entity.Createable;
        Updateable = entity.Updateable;
        Deletable = entity.Deletable;
        Fields = entity.Fields;
        // OData property names are case-sensitive.
        _byName = entity.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Key = entity.Fields.Single(f => f.Key);
    }

    /// <summary>The catalog name, e.g. "Accounts".</summary>
    public string Name { get; }

    /// <summary>The path under the division, e.g. "crm/Accounts".</summary>
    public string Path { get; }

    /// <summary>The <c>__metadata.type</c>, e.g. "Exact.Web.Api.Models.Account".</summary>
    public string ModelType { get; }

    /// <summary>The path under <c>sync/</c>, e.g. "CRM/Accounts"; null when there is no sync API.</summary>
    public string? SyncPath { get; }

    /// <summary>The <c>EntityType</c> code of this set's rows in <c>sync/Deleted</c>.</summary>
    public int SyncEntityType { get; }

    public bool Createable { get; }

    public bool Updateable { get; }

    public bool Deletable { get; }

    public IReadOnlyList<CatalogField> Fields { get; }

    public CatalogField Key { get; }

    public IReadOnlyList<Navigation> Navigations => _navigations;

    /// <summary>The lines collection of a transaction header (QuotationLines, SalesOrderLines), if any.</summary>
    public Navigation? Lines => _navigations.FirstOrDefault(n => n.IsLines);

    /// <summary>For a line set, the header set and the line field holding the header's key.</summary>
    public (EntitySchema Header, string ForeignKey)? Header { get; private set; }

    public CatalogField? Field(string name) => _byName.GetValueOrDefault(name);

    public Navigation? Navigation(string name) => _navigations.FirstOrDefault(n => n.Name == name);

    public void AddDeferred(string name) => _navigations.Add(new Navigation(name, null, null));

    /// <summary>Makes <paramref name="lines"/> this header's line collection, linked through <paramref name="foreignKey"/>.</summary>
    public void AddLines(string name, EntitySchema lines, string foreignKey)
    {
        _navigations.Add(new Navigation(name, lines, foreignKey));
        lines.Header = (this, foreignKey);
    }
}
