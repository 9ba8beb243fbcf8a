namespace SesamTalk.Testing.Catalogs;

/// <summary>One field of a catalog object, with the members of the shared catalog format (<c>docs/catalogs.md</c>).</summary>
internal sealed record CatalogField(
    string Name,
    string Type,
    int? Length,
    bool Key,
    bool Createable,
    bool Updateable,
    bool Nillable,
    bool DefaultedOnCreate,
    bool IdLookup,
    bool ExternalId,
    bool Unique,
    bool Filterable,
    bool AutoNumber,
    IReadOnlyList<string> ReferenceTo,
    IReadOnlyList<string> ConcatenationOf,
    string? DefaultValue,
    IReadOnlyList<CatalogPicklistValue> PicklistValues,
    bool RestrictedPicklist)
{
    /// <summary>Required on create: createable, neither nillable nor filled by the server.</summary>
    public bool RequiredOnCreate => Createable && !Nillable && !DefaultedOnCreate;

    /// <summary>Whether <paramref name="value"/> may be written to this restricted picklist: one of its active values.</summary>
    public bool AllowsPicklistValue(string value) => PicklistValues.Any(p => p.Active && string.Equals(p.Value, value, StringComparison.Ordinal));
}
