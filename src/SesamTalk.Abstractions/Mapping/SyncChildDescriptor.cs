namespace SesamTalk;

/// <summary>A field of a parent record that carries child records, and the mapper of the children.</summary>
public sealed class SyncChildDescriptor
{
    /// <summary>Creates the descriptor (generated code calls this).</summary>
    /// <param name="property">The host collection property.</param>
    /// <param name="field">The parent record's field carrying the children.</param>
    /// <param name="parentField">The child record's field that references its parent, if any.</param>
    /// <param name="mapper">The mapper of the child type.</param>
    public SyncChildDescriptor(string property, string field, string? parentField, IEntityMapper mapper)
    {
        Property = property;
        Field = field;
        ParentField = parentField;
        Mapper = mapper;
    }

    /// <summary>The host collection property.</summary>
    public string Property { get; }

    /// <summary>The parent record's field carrying the children.</summary>
    public string Field { get; }

    /// <summary>The child record's field that references its parent, if any.</summary>
    public string? ParentField { get; }

    /// <summary>The mapper of the child type.</summary>
    public IEntityMapper Mapper { get; }
}
