using System.ComponentModel;

namespace SesamTalk;

/// <summary>
/// A remote field that holds the id of another synced entity (e.g. Salesforce <c>Order.AccountId</c>). Generated
/// code builds it with an object initializer.
/// </summary>
public sealed class SyncReferenceDescriptor
{
    /// <summary>Creates an empty descriptor; generated code sets its properties in an object initializer.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public SyncReferenceDescriptor()
    {
    }

    /// <summary>The host property holding the referenced host id.</summary>
    public string Property { get; init; } = string.Empty;

    /// <summary>The remote field holding the referenced remote id.</summary>
    public string Field { get; init; } = string.Empty;

    /// <summary>The referenced entity's name.</summary>
    public string Entity { get; init; } = string.Empty;

    /// <summary>The referenced entity's type.</summary>
    public Type EntityType { get; init; } = typeof(object);

    /// <summary>
    /// The remote type, in this descriptor's system, of the referenced entity's flow whose links translate the value:
    /// when a customer syncs with both Salesforce <c>Division</c> and <c>Account</c>, an order's <c>AccountId</c>
    /// names <c>Account</c>. The generator takes it from <see cref="ReferencesAttribute.Type"/>, else from the
    /// catalog's <c>referenceTo</c> of the field, else from the referenced entity's only type in the system.
    /// <see langword="null"/> when the generator could not decide.
    /// </summary>
    public string? TargetType { get; init; }
}
