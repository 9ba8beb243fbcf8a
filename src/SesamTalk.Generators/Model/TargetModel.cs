using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>Everything one generated mapper needs for one (system, type) of an entity.</summary>
internal sealed record TargetModel(
    string System,
    string Type,
    Origin Origin,
    string MapperName,
    EquatableArray<FieldModel> Fields,
    EquatableArray<string> MatchKeys,
    EquatableArray<ChildModel> Children,
    EquatableArray<ConstantModel> Constants);
