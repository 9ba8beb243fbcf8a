namespace SesamTalk.Connectors.Tests;

/// <summary>
/// A hand-written mapper for connector tests: a remote type, its text fields by name, child collections and
/// constants, as generated mappers describe them to a connector.
/// </summary>
internal sealed class FieldListMapper : IEntityMapper
{
    public FieldListMapper(string system, string type, params string[] fields)
    {
        Target = new SyncTarget(system, type);
        Fields = [.. fields.Select(f => new SyncFieldDescriptor { Property = f, Field = f, Kind = SyncValueKind.String, PropertyType = "string?" })];
    }

    public SyncTarget Target { get; }

    public SyncOrigin Origin => SyncOrigin.Both;

    public IReadOnlyList<SyncFieldDescriptor> Fields { get; }

    public IReadOnlyList<string> MatchKeys { get; init; } = [];

    public IReadOnlyList<SyncReferenceDescriptor> References => [];

    public IReadOnlyList<SyncChildDescriptor> Children { get; init; } = [];

    public IReadOnlyList<SyncConstant> Constants { get; init; } = [];

    /// <summary>Adds a child collection carried in <paramref name="field"/>, whose records point at the parent through <paramref name="parentField"/>.</summary>
    public FieldListMapper WithChildren(string field, string parentField, FieldListMapper children) =>
        new(Target.System, Target.Type, [.. Fields.Select(f => f.Field)])
        {
            MatchKeys = MatchKeys,
            Constants = Constants,
            Children = [.. Children, new SyncChildDescriptor { Property = field, Field = field, ParentField = parentField, Mapper = children }],
        };

    public SyncFingerprint FingerprintOf(SyncRecord record, FieldDirection direction)
    {
        var builder = new SyncFingerprintBuilder();
        foreach (var field in Fields)
        {
            builder.Add(record, field.Field, SyncValueKind.String);
        }

        return builder.ToFingerprint();
    }

    public string Fingerprint(SyncRecord record, FieldDirection direction) => FingerprintOf(record, direction).ToString();
}
