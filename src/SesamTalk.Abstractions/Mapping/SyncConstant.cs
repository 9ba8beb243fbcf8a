using System.ComponentModel;

namespace SesamTalk;

/// <summary>A constant a remote field gets when the engine creates a record. Generated code builds it with an object initializer.</summary>
public sealed class SyncConstant
{
    /// <summary>Creates an empty constant; generated code sets its properties in an object initializer.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public SyncConstant()
    {
    }

    /// <summary>The remote field's API name.</summary>
    public string Field { get; init; } = string.Empty;

    /// <summary>The value.</summary>
    public SyncValue Value { get; init; } = SyncValue.Null;
}
