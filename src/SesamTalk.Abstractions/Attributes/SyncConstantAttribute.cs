namespace SesamTalk;

/// <summary>
/// Gives a remote field a constant value when the engine creates a record of that type, for fields the remote API
/// requires that the host has no property for, e.g. <c>[SyncConstant("Salesforce", "Order", "Status", "Draft")]</c>.
/// Constants are written on create only, so later edits in the remote system are never reverted.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SyncConstantAttribute : Attribute
{
    /// <summary>Creates the constant.</summary>
    /// <param name="system">The remote system.</param>
    /// <param name="type">The remote type.</param>
    /// <param name="field">The remote field's API name.</param>
    /// <param name="value">The value: a string, number, boolean, or <see langword="null"/>.</param>
    public SyncConstantAttribute(string system, string type, string field, object? value)
    {
        System = system;
        Type = type;
        Field = field;
        Value = value;
    }

    /// <summary>The remote system.</summary>
    public string System { get; }

    /// <summary>The remote type.</summary>
    public string Type { get; }

    /// <summary>The remote field's API name.</summary>
    public string Field { get; }

    /// <summary>The constant value.</summary>
    public object? Value { get; }
}
