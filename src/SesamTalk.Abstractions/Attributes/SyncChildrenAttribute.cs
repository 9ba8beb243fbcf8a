namespace SesamTalk;

/// <summary>
/// Marks a collection property (e.g. order lines) whose elements sync as child records of the parent's remote
/// record, e.g. <c>[SyncChildren("Salesforce", "OrderItem", Field = "OrderItems", ParentField = "OrderId")]</c>.
/// The element type must itself carry <c>[SyncsWith(system, type)]</c> for the same system and type.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class SyncChildrenAttribute : Attribute
{
    /// <summary>Creates the child mapping.</summary>
    /// <param name="system">The remote system.</param>
    /// <param name="type">The remote type of the child records.</param>
    public SyncChildrenAttribute(string system, string type)
    {
        System = system;
        Type = type;
    }

    /// <summary>The remote system.</summary>
    public string System { get; }

    /// <summary>The remote type of the child records.</summary>
    public string Type { get; }

    /// <summary>The field of the parent record that carries the children; defaults to <see cref="Type"/>.</summary>
    public string? Field { get; set; }

    /// <summary>The child record's field that references its parent (Salesforce <c>OrderItem.OrderId</c>), if any.</summary>
    public string? ParentField { get; set; }

    /// <summary>Limits the mapping to one parent type of <see cref="System"/>.</summary>
    public string? ParentType { get; set; }
}
