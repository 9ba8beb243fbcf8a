namespace SesamTalk;

/// <summary>
/// Marks a property that holds the id of another synced host entity, e.g. an order's <c>CustomerId</c>. The engine
/// translates it through the links: the remote record gets the linked remote id (Salesforce <c>AccountId</c>),
/// and the host gets the linked host id back.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ReferencesAttribute : Attribute
{
    /// <summary>Creates the reference.</summary>
    /// <param name="entity">The referenced host entity type; it must carry <see cref="SyncsWithAttribute"/>.</param>
    public ReferencesAttribute(Type entity)
    {
        Entity = entity;
    }

    /// <summary>The referenced host entity type.</summary>
    public Type Entity { get; }

    /// <summary>
    /// The remote type of the referenced entity whose links translate the value, for when the referenced entity syncs
    /// with several types of one system: <c>[References(typeof(Customer), Type = "Account")]</c> when customers sync
    /// with Salesforce <c>Division</c> and <c>Account</c>. It applies in every system where the referenced entity
    /// syncs with a type of this name and always wins there. Without it, the field's <c>referenceTo</c> in the
    /// catalog decides, or the referenced entity's only type in the system.
    /// </summary>
    public string? Type { get; set; }
}
