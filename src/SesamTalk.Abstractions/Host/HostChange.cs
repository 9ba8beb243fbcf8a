namespace SesamTalk;

/// <summary>One change of a host record: its position in the change order and its state (null when deleted).</summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public sealed class HostChange<TEntity>
    where TEntity : class
{
    /// <summary>Creates the change.</summary>
    /// <param name="position">Where the change stands in the change order.</param>
    /// <param name="entity">The record as it is now, or null for a deletion.</param>
    public HostChange(HostCursor position, TEntity? entity)
    {
        Position = position;
        Entity = entity;
    }

    /// <summary>Where the change stands in the change order; commit it as the cursor once the change is applied.</summary>
    public HostCursor Position { get; }

    /// <summary>The record's id.</summary>
    public string Id => Position.Id;

    /// <summary>The record as it is now, or null for a deletion.</summary>
    public TEntity? Entity { get; }

    /// <summary>Whether the record was deleted.</summary>
    public bool IsDeleted => Entity is null;
}
