namespace SesamTalk.Testing.Catalogs;

/// <summary>
/// One record type of a catalog: the operations the real API allows on it and its own fields in the API's order
/// (the catalog's <c>systemFields</c> are not merged in; see <see cref="Catalog.SystemFieldsOf"/>).
/// </summary>
internal sealed record CatalogObject(
    string Name,
    string? KeyPrefix,
    bool Createable,
    bool Updateable,
    bool Deletable,
    IReadOnlyList<string> OmitSystemFields,
    IReadOnlyList<CatalogField> Fields);
