namespace SesamTalk.Generators.Parsing;

/// <summary>Metadata names of SesamTalk's attributes: the generator matches them by name and needs no reference to the library.</summary>
internal static class AttributeNames
{
    public const string SyncsWith = "SesamTalk.SyncsWithAttribute";
    public const string SyncClientMember = "SesamTalk.SyncClientMemberAttribute";
    public const string SyncId = "SesamTalk.SyncIdAttribute";
    public const string MatchKey = "SesamTalk.MatchKeyAttribute";
    public const string Field = "SesamTalk.FieldAttribute";
    public const string SyncIgnore = "SesamTalk.SyncIgnoreAttribute";
    public const string SyncConstant = "SesamTalk.SyncConstantAttribute";
    public const string References = "SesamTalk.ReferencesAttribute";
    public const string SyncChildren = "SesamTalk.SyncChildrenAttribute";
    public const string PicklistValue = "SesamTalk.PicklistValueAttribute";
    public const string ValueConverter = "SesamTalk.ISyncValueConverter`2";
}
