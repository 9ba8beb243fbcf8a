namespace SesamTalk;

/// <summary>A remote field that holds the id of another synced entity (e.g. Salesforce <c>Order.AccountId</c>).</summary>
public sealed class SyncReferenceDescriptor
{
    /// <summary>Creates the descriptor without naming the remote type of the referenced entity.</summary>
    /// <param name="property">The host property holding the referenced host id.</param>
    /// <param name="field">The remote field holding the referenced remote id.</param>
    /// <param name="entity">The referenced entity's name.</param>
    /// <param name="entityType">The referenced entity's type.</param>
    public SyncReferenceDescriptor(string property, string field, string entity, Type entityType)
        : this(property, field, entity, entityType, targetType: null)
    {
    }

    /// <summary>Creates the descriptor (generated code calls this).</summary>
    /// <param name="property">The host property holding the referenced host id.</param>
    /// <param name="field">The remote field holding the referenced remote id.</param>
    /// <param name="entity">The referenced entity's name.</param>
    /// <param name="entityType">The referenced entity's type.</param>
    /// <param name="targetType">
    /// The remote type of the referenced entity's flow whose links translate the value, or <see langword="null"/> when
    /// the generator could not decide.
    /// </param>
    public SyncReferenceDescriptor(string property, string field, string entity, Type entityType, string? targetType)
    {
        Property = property;
        Field = field;
        Entity = entity;
        EntityType = entityType;
        TargetType = targetType;
    }

    /// <summary>The host property holding the referenced host id.</summary>
    public string Property { get; }

    /// <summary>The remote field holding the referenced remote id.</summary>
    public string Field { get; }

    /// <summary>The referenced entity's name.</summary>
    public string Entity { get; }

    /// <summary>The referenced entity's type.</summary>
    public Type EntityType { get; }

    /// <summary>
    /// The remote type, in this descriptor's system, of the referenced entity's flow whose links translate the value:
    /// when a customer syncs with both Salesforce <c>Division</c> and <c>Account</c>, an order's <c>AccountId</c>
    /// names <c>Account</c>. The generator takes it from <see cref="ReferencesAttribute.Type"/>, else from the
    /// catalog's <c>referenceTo</c> of the field, else from the referenced entity's only type in the system.
    /// <see langword="null"/> when the descriptor was created without it.
    /// </summary>
    public string? TargetType { get; }
}
