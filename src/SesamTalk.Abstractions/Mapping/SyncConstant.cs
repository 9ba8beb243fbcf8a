namespace SesamTalk;

/// <summary>A constant a remote field gets when the engine creates a record.</summary>
public sealed class SyncConstant
{
    /// <summary>Creates the constant (generated code calls this).</summary>
    /// <param name="field">The remote field's API name.</param>
    /// <param name="value">The value.</param>
    public SyncConstant(string field, SyncValue value)
    {
        Field = field;
        Value = value;
    }

    /// <summary>The remote field's API name.</summary>
    public string Field { get; }

    /// <summary>The value.</summary>
    public SyncValue Value { get; }
}
