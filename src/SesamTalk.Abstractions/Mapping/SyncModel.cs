namespace SesamTalk;

/// <summary>The base of the generated <c>SesamTalkModel</c>: it holds the entities, so the generated class only lists them.</summary>
public abstract class SyncModel : ISyncModel
{
    private readonly ISyncEntityDefinition[] _entities;

    /// <summary>Creates the model (generated code calls this).</summary>
    /// <param name="entities">Every entity, referenced entities first.</param>
    protected SyncModel(params ISyncEntityDefinition[] entities)
    {
        _entities = entities;
    }

    /// <inheritdoc />
    public IReadOnlyList<ISyncEntityDefinition> Entities => _entities;

    /// <inheritdoc />
    public ISyncEntityDefinition? Find(string name)
    {
        foreach (var entity in _entities)
        {
            if (string.Equals(entity.Name, name, StringComparison.Ordinal))
            {
                return entity;
            }
        }

        return null;
    }
}
