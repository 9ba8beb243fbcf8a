namespace SesamTalk.Generators.Model;

/// <summary>The host property types a generated mapper carries without a converter.</summary>
internal enum PropertyKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Decimal,
    Double,
    DateTimeOffset,
    DateTime,
    DateOnly,
    Guid,
    Enum,
}
