namespace SesamTalk.Testing.Salesforce.Schema;

/// <summary>One field of an sObject as describe reports it (a field of the shared Salesforce catalog).</summary>
internal sealed record FieldSchema(
    string Name,
    FieldType Type,
    int? Length,
    bool Createable,
    bool Updateable,
    bool Nillable,
    bool DefaultedOnCreate,
    bool IdLookup,
    bool ExternalId,
    bool Unique,
    bool Filterable,
    bool AutoNumber,
    IReadOnlyList<string> ReferenceTo,
    IReadOnlyList<string> ConcatenationOf,
    string? DefaultValue)
{
    /// <summary>Required on create: must be sent because it is neither nillable nor defaulted.</summary>
    public bool RequiredOnCreate => Createable && !Nillable && !DefaultedOnCreate;

    /// <summary>
    /// The relationship name used in SOQL paths (AccountId -> Account), or null for non-references.
    /// Standard reference fields drop the "Id" suffix; custom ones swap "__c" for "__r".
    /// </summary>
    public string? RelationshipName => Type != FieldType.Reference ? null
        : Name.EndsWith("__c", StringComparison.Ordinal) ? string.Concat(Name.AsSpan(0, Name.Length - 3), "__r")
        : Name.EndsWith("Id", StringComparison.Ordinal) ? Name[..^2]
        : null;

    /// <summary>For a compound address field (MailingAddress), the prefix of its parts (Mailing).</summary>
    public string AddressPrefix => Name.EndsWith("Address", StringComparison.Ordinal) ? Name[..^"Address".Length] : Name;
}
