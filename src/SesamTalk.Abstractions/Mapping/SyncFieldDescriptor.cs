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
    public SyncFieldDescriptor(string property, string field, SyncValueKind kind, FieldDirection direction, ConflictRule conflict)
    {
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

    /// <inheritdoc />
    public override string ToString() => Property + " -> " + Field;
}
