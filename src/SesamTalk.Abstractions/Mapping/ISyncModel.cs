namespace SesamTalk;

/// <summary>The generated registry of every synced entity in the host assembly. Registered by the generated <c>AddSesamTalk()</c>.</summary>
public interface ISyncModel
{
    /// <summary>Every entity, ordered so that an entity comes after the entities it references.</summary>
    IReadOnlyList<ISyncEntityDefinition> Entities { get; }

    /// <summary>Finds an entity by name.</summary>
    /// <param name="name">The entity's name.</param>
    /// <returns>The entity, or <see langword="null"/>.</returns>
    ISyncEntityDefinition? Find(string name);
}
