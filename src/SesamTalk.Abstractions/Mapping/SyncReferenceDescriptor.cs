namespace SesamTalk;

/// <summary>A remote field that holds the id of another synced entity (e.g. Salesforce <c>Order.AccountId</c>).</summary>
public sealed class SyncReferenceDescriptor
{
    /// <summary>Creates the descriptor (generated code calls this).</summary>
    /// <param name="property">The host property holding the referenced host id.</param>
    /// <param name="field">The remote field holding the referenced remote id.</param>
    /// <param name="entity">The referenced entity's name.</param>
    /// <param name="entityType">The referenced entity's type.</param>
    public SyncReferenceDescriptor(string property, string field, string entity, Type entityType)
    {
        Property = property;
        Field = field;
        Entity = entity;
        EntityType = entityType;
    }

    /// <summary>The host property holding the referenced host id.</summary>
    public string Property { get; }

    /// <summary>The remote field holding the referenced remote id.</summary>
    public string Field { get; }

    /// <summary>The referenced entity's name.</summary>
    public string Entity { get; }

    /// <summary>The referenced entity's type.</summary>
    public Type EntityType { get; }
}
