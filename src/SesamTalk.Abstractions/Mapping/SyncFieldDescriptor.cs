namespace SesamTalk;

/// <summary>How one host property maps to one remote field.</summary>
public sealed class SyncFieldDescriptor
{
    /// <summary>Creates the descriptor (generated code calls this).</summary>
    /// <param name="property">The host property's name.</param>
    /// <param name="field">The remote field's API name.</param>
    /// <param name="kind">The kind of value the field carries.</param>
    /// <param name="direction">Which way the value travels.</param>
    /// <param name="conflict">How a conflict on the field resolves.</param>
    /// <param name="propertyType">The host property's type as C# writes it, e.g. <c>decimal?</c>.</param>
    /// <param name="remoteType">The remote field's data type from the system's catalog, or <see langword="null"/> without a catalog.</param>
    /// <param name="createable">Whether a create may write the remote field (true without a catalog).</param>
    /// <param name="updateable">Whether an update may write the remote field (true without a catalog).</param>
    public SyncFieldDescriptor(string property, string field, SyncValueKind kind, FieldDirection direction, ConflictRule conflict, string propertyType, string? remoteType, bool createable, bool updateable)
    {
        Createable = createable;
        Updateable = updateable;
        PropertyType = propertyType;
        RemoteType = remoteType;
        Property = property;
        Field = field;
        Kind = kind;
        Direction = direction;
        Conflict = conflict;
    }

    /// <summary>The host property's name.</summary>
    public string Property { get; }

    /// <summary>The remote field's API name.</summary>
    public string Field { get; }

    /// <summary>The kind of value the field carries.</summary>
    public SyncValueKind Kind { get; }

    /// <summary>Which way the value travels.</summary>
    public FieldDirection Direction { get; }

    /// <summary>How a conflict on the field resolves.</summary>
    public ConflictRule Conflict { get; }

    /// <summary>The host property's type as C# writes it, e.g. <c>decimal?</c>.</summary>
    public string PropertyType { get; }

    /// <summary>The remote field's data type from the system's catalog (e.g. <c>picklist</c>), or <see langword="null"/> without a catalog.</summary>
    public string? RemoteType { get; }

    /// <summary>Whether a create may write the remote field; the engine leaves it out of creates otherwise.</summary>
    public bool Createable { get; }

    /// <summary>Whether an update may write the remote field (Salesforce <c>OrderItem.OrderId</c> may not); the engine leaves it out of updates otherwise.</summary>
    public bool Updateable { get; }

    /// <inheritdoc />
    public override string ToString() => Property + " -> " + Field;
}
