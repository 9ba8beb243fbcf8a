namespace SesamTalk.Generators.Model;

/// <summary>
/// One property mapped to one remote field of one target. <see cref="Remote"/> is the type the remote value is
/// read and written as: the property's own type, or the converter's remote type. <see cref="ByName"/> fields take
/// their name from the property, and a catalog may correct its spelling; <see cref="RemoteType"/> is the catalog's
/// data type of the field, when the system has a catalog. <see cref="Reference"/> is set for [References] properties.
/// </summary>
internal sealed record FieldModel(
    string Property,
    string PropertyType,
    bool ByName,
    int? MaxLength,
    string? RemoteType,
    bool RemoteCreateable,
    bool RemoteUpdateable,
    string Field,
    ValueTypeModel Local,
    ValueTypeModel Remote,
    string? ConverterType,
    int Direction,
    int Conflict,
    bool CanRead,
    bool CanWrite,
    ReferenceModel? Reference);
