namespace SesamTalk.EntityFrameworkCore;

/// <summary>Which entities of the sync model are roots (have a host store) and which only ever sync inside a parent.</summary>
internal static class SyncModelShape
{
    /// <summary>The entities with a host store of their own: every entity that is not only a child of another.</summary>
    public static IEnumerable<ISyncEntityDefinition> Roots(ISyncModel model) => model.Entities.Where(entity => !IsChild(model, entity));

    /// <summary>The types of entities that sync inside their parent's records (order lines).</summary>
    public static IReadOnlySet<Type> ChildTypes(ISyncModel model) => model.Entities.Where(entity => IsChild(model, entity)).Select(entity => entity.EntityType).ToHashSet();

    private static bool IsChild(ISyncModel model, ISyncEntityDefinition entity) =>
        model.Entities.Any(other => other != entity && other.Mappers.Any(mapper => mapper.Children.Any(child => entity.Mappers.Contains(child.Mapper))));
}
