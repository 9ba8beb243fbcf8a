using System.ComponentModel;

namespace SesamTalk;

/// <summary>A field of a parent record that carries child records, and the mapper of the children. Generated code builds it with an object initializer.</summary>
public sealed class SyncChildDescriptor
{
    /// <summary>Creates an empty descriptor; generated code sets its properties in an object initializer.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public SyncChildDescriptor()
    {
    }

    /// <summary>The host collection property.</summary>
    public string Property { get; init; } = string.Empty;

    /// <summary>The parent record's field carrying the children.</summary>
    public string Field { get; init; } = string.Empty;

    /// <summary>The child record's field that references its parent, if any.</summary>
    public string? ParentField { get; init; }

    /// <summary>The mapper of the child type.</summary>
    public IEntityMapper Mapper { get; init; } = null!;
}
