namespace SesamTalk.Generators.Model;

/// <summary>
/// One property mapped to one remote field of one target. <see cref="Remote"/> is the type the remote value is
/// read and written as: the property's own type, or the converter's remote type.
/// </summary>
internal sealed record FieldModel(
    string Property,
    string Field,
    ValueTypeModel Local,
    ValueTypeModel Remote,
    string? ConverterType,
    int Direction,
    int Conflict,
    bool CanRead,
    bool CanWrite,
    string? ReferencedEntity,
    string? ReferencedEntityType);
