namespace SesamTalk.Connectors.Engine;

/// <summary>Which entities of a model another entity carries as child records (an order's lines).</summary>
internal static class ChildEntities
{
    /// <summary>Whether another entity of <paramref name="model"/> carries <paramref name="entity"/> as child records.</summary>
    public static bool IsChild(ISyncModel model, ISyncEntityDefinition entity) =>
        model.Entities.Any(other => other != entity && other.Mappers.Any(mapper => mapper.Children.Any(child => entity.Mappers.Contains(child.Mapper))));
}
