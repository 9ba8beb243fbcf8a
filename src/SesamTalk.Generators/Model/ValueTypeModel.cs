namespace SesamTalk.Generators.Model;

/// <summary>A carried type: its kind, whether it admits null, its fully qualified name, and for enums their members.</summary>
internal sealed record ValueTypeModel(
    PropertyKind Kind,
    bool IsNullable,
    string TypeName,
    Helpers.EquatableArray<EnumMemberModel> EnumMembers);
