using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>The parsed entity: its header, id, whether it can be created, its targets and the entities it references.</summary>
internal sealed record EntityModel(
    EntityHeader Header,
    string IdProperty,
    PropertyKind IdKind,
    bool IdIsNullable,
    bool CanCreate,
    EquatableArray<TargetModel> Targets,
    EquatableArray<string> ReferencedEntities);
