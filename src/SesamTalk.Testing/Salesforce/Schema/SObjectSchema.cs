namespace SesamTalk.Testing.Salesforce.Schema;

/// <summary>One sObject type: its key prefix, which calls it supports, and its fields in describe order.</summary>
internal sealed class SObjectSchema
{
    private readonly Dictionary<string, FieldSchema> _byName;

    public SObjectSchema(string name, string keyPrefix, bool createable, bool updateable, bool deletable, IReadOnlyList<FieldSchema> fields)
    {
        Name = name;
        KeyPrefix = keyPrefix;
        Createable = createable;
        Updateable = updateable;
        Deletable = deletable;
        Fields = fields;
        // Salesforce field names are case-insensitive in SOQL and request bodies.
        _byName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public string KeyPrefix { get; }

    public bool Createable { get; }

    public bool Updateable { get; }

    public bool Deletable { get; }

    public IReadOnlyList<FieldSchema> Fields { get; }

    /// <summary>Whether this is a custom object (<c>Project__c</c>): its API name ends in <c>__c</c>.</summary>
    public bool Custom => Name.EndsWith("__c", StringComparison.Ordinal);

    public bool HasIsDeleted => _byName.ContainsKey("IsDeleted");

    public FieldSchema? Field(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The reference field whose relationship name is <paramref name="relationship"/> (Account -> AccountId).</summary>
    public FieldSchema? Relationship(string relationship) =>
        Fields.FirstOrDefault(f => string.Equals(f.RelationshipName, relationship, StringComparison.OrdinalIgnoreCase));
}
