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
}
