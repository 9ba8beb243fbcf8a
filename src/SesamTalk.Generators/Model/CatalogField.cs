using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>One field of a catalog object (see docs/catalogs.md); <see cref="ReferenceTo"/> lists the types a reference field can point to.
/// <see cref="StatesWriteFlags"/> is false for a host catalog's field that gives neither "createable" nor "updateable"
/// (the standard catalogs leave them out on purpose for read-only fields).</summary>
internal sealed record CatalogField(
    string Name,
    string Type,
    int? Length,
    bool Key,
    bool Createable,
    bool Updateable,
    bool Nillable,
    bool DefaultedOnCreate,
    bool Filterable,
    EquatableArray<string> ReferenceTo,
    bool StatesWriteFlags)
{
    /// <summary>Salesforce's rule, which the other catalogs follow: createable, not nillable, not defaulted.</summary>
    public bool IsRequiredOnCreate => Createable && !Nillable && !DefaultedOnCreate;
}
