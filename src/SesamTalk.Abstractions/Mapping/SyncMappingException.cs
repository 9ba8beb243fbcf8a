namespace SesamTalk;

/// <summary>A record's field could not be mapped: the message names the record, the field and the property.</summary>
public sealed class SyncMappingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="record">The record being mapped.</param>
    /// <param name="field">The remote field.</param>
    /// <param name="property">The host property, e.g. <c>Product.Price</c>.</param>
    /// <param name="inner">What went wrong with the value.</param>
    public SyncMappingException(SyncRecord record, string field, string property, Exception inner)
        : base($"{record}: field '{field}' cannot be mapped to {property}. {inner.Message}", inner)
    {
        RecordType = record.Type;
        RecordId = record.Id;
        Field = field;
        Property = property;
    }

    /// <summary>The remote type of the record.</summary>
    public string RecordType { get; }

    /// <summary>The remote id of the record, if it has one.</summary>
    public string? RecordId { get; }

    /// <summary>The remote field.</summary>
    public string Field { get; }

    /// <summary>The host property.</summary>
    public string Property { get; }
}
