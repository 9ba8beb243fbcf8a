namespace SesamTalk.Generators.Model;

/// <summary>A collection property whose elements sync as child records of the target.</summary>
internal sealed record ChildModel(
    string Property,
    string Field,
    string? ParentField,
    string ElementType,
    string ElementMapper,
    bool IsArray,
    bool CanWrite);
