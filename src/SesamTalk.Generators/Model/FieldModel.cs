namespace SesamTalk.Generators.Model;

/// <summary>
/// One property mapped to one remote field of one target, as parsing reads it from the host's source.
/// <see cref="Remote"/> is the type the remote value is read and written as: the property's own type, or the
/// converter's remote type. <see cref="ByName"/> fields take their name from the property, and a catalog may
/// correct its spelling. <see cref="Reference"/> is set for [References] properties. What the system's catalog says
/// of the field arrives later, in <see cref="Catalog"/>.
/// </summary>
internal sealed record FieldModel(
    string Property,
    string PropertyType,
    bool ByName,
    int? MaxLength,
    string Field,
    ValueTypeModel Local,
    ValueTypeModel Remote,
    string? ConverterType,
    Direction Direction,
    Conflict Conflict,
    bool CanRead,
    bool CanWrite,
    ReferenceModel? Reference)
{
    /// <summary>The catalog's facts of the field; null for a system without a catalog, or a field the catalog lacks.</summary>
    public CatalogFacts? Catalog { get; init; }
}

/// <summary>What a system's catalog says of one field: its data type and whether creates and updates may write it.</summary>
internal sealed record CatalogFacts(string Type, bool Createable, bool Updateable);
