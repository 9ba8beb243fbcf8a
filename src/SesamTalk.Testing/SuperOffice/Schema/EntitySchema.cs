using SesamTalk.Testing.Catalogs;
using SesamTalk.Testing.SuperOffice.Archive;

namespace SesamTalk.Testing.SuperOffice.Schema;

/// <summary>
/// One SuperOffice entity: its catalog fields, which of them the wire carries as nested list items or entity carriers
/// (the catalog flattens those to int ids), and, for the REST entities under <c>/api/v1/{Name}</c>, its archive
/// provider and columns. Quote carriers (QuoteAlternative, QuoteLine, Product) have no REST entity and no archive:
/// they are served by the Quote agent.
/// </summary>
internal sealed class EntitySchema
{
    private readonly Dictionary<string, CatalogField> _byName;
    private readonly Dictionary<string, string> _carriers;

    public EntitySchema(CatalogObject entity, string? archiveProvider, IReadOnlyDictionary<string, string> carriers, IReadOnlyList<ArchiveColumn> columns)
    {
        Name = entity.Name;
        Fields = entity.Fields;
        // Json.NET, which reads NetServer's request bodies, matches property names case-insensitively.
        _byName = entity.Fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _carriers = carriers.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        Key = entity.Fields.Single(f => f.Key);
        ArchiveProvider = archiveProvider;
        Columns = columns;
    }

    /// <summary>The REST name, e.g. "Contact".</summary>
    public string Name { get; }

    /// <summary>The archive rows' <c>EntityName</c>, e.g. "contact".</summary>
    public string EntityName => Name.ToLowerInvariant();

    /// <summary>The archive provider behind <c>GET /api/v1/{Name}</c>, e.g. "SimpleContact"; null for quote carriers.</summary>
    public string? ArchiveProvider { get; }

    /// <summary>Whether the entity is served under <c>/api/v1/{Name}</c> (entity carriers), not only by an agent.</summary>
    public bool Rest => ArchiveProvider is not null;

    public IReadOnlyList<CatalogField> Fields { get; }

    public CatalogField Key { get; }

    /// <summary>The archive columns, primary key first.</summary>
    public IReadOnlyList<ArchiveColumn> Columns { get; }

    public CatalogField? Field(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Whether a field is an EntityElement array (<c>Emails</c>, <c>Phones</c>, <c>Urls</c> of entity carriers); the
    /// quote carriers' <c>Url</c> is a plain string.
    /// </summary>
    public bool IsElementArray(CatalogField field) => Rest && field.Type is "email" or "phone" or "url";

    /// <summary>
    /// For a field the wire carries as an object (<c>"Country": {"CountryId": 578}</c>, <c>"Business": {"Id": 3}</c>,
    /// <c>"Contact": {"ContactId": 2}</c>), the member holding the id; null for a plain value.
    /// </summary>
    public string? CarrierId(CatalogField field) => _carriers.GetValueOrDefault(field.Name);
}
