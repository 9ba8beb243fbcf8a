using SesamTalk.Testing.Catalogs;

namespace SesamTalk.Testing.Salesforce.Schema;

/// <summary>
/// One field of an sObject as describe reports it: a field of the shared Salesforce catalog (<see cref="Source"/>, which
/// holds its flags, length and references) with its type parsed and the names SOQL and compound fields derive from it.
/// </summary>
internal sealed record FieldSchema(CatalogField Source)
{
    public string Name => Source.Name;

    public FieldType Type { get; } = FieldTypeExtensions.Parse(Source.Type);

    /// <summary>
    /// The relationship name used in SOQL paths (AccountId -> Account), or null for non-references.
    /// Standard reference fields drop the "Id" suffix; custom ones swap "__c" for "__r".
    /// </summary>
    public string? RelationshipName => Type != FieldType.Reference ? null
        : Name.EndsWith("__c", StringComparison.Ordinal) ? string.Concat(Name.AsSpan(0, Name.Length - 3), "__r")
        : Name.EndsWith("Id", StringComparison.Ordinal) ? Name[..^2]
        : null;

    /// <summary>Whether this is a custom field (<c>Price__c</c>): its API name ends in <c>__c</c>.</summary>
    public bool Custom => Name.EndsWith("__c", StringComparison.Ordinal);

    /// <summary>For a compound address field (MailingAddress), the prefix of its parts (Mailing).</summary>
    public string AddressPrefix => Name.EndsWith("Address", StringComparison.Ordinal) ? Name[..^"Address".Length] : Name;
}
