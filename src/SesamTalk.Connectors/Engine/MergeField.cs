namespace SesamTalk.Connectors.Engine;

/// <summary>
/// One unit of a field-level merge: a mapped field, or a child collection (order lines, merged line by line by
/// <see cref="LineMerge"/> on the fields both sides share).
/// </summary>
internal sealed class MergeField
{
    private readonly SyncFieldDescriptor? _field;
    private readonly LinePrinter? _lines;

    private MergeField(SyncFieldDescriptor field)
    {
        _field = field;
        Name = field.Field;
        Direction = field.Direction;
        Rule = field.Conflict;
        Updateable = field.Updateable;
        Createable = field.Createable;
    }

    private MergeField(SyncChildDescriptor children)
    {
        _lines = new LinePrinter(children);
        Name = children.Field;
        Direction = FieldDirection.Both;
        Rule = ConflictRule.LatestWins;
        Updateable = true;
        Createable = true;
    }

    /// <summary>The remote field name.</summary>
    public string Name { get; }

    /// <summary>Which way the field travels.</summary>
    public FieldDirection Direction { get; }

    /// <summary>Who wins when both sides changed it.</summary>
    public ConflictRule Rule { get; }

    /// <summary>Whether an update may write it.</summary>
    public bool Updateable { get; }

    /// <summary>Whether a create may write it.</summary>
    public bool Createable { get; }

    /// <summary>Whether the field holds a plain value (not a child collection).</summary>
    public bool IsScalar => _field is not null;

    /// <summary>The prints of the lines, for a child collection.</summary>
    public LinePrinter? Lines => _lines;

    /// <summary>The merge units of a mapper: its fields, then its child collections.</summary>
    public static IReadOnlyList<MergeField> Of(IEntityMapper mapper) =>
        mapper.Fields.Select(field => new MergeField(field)).Concat(mapper.Children.Select(child => new MergeField(child))).ToList();

    /// <summary>
    /// A short, stable token of the field's value in <paramref name="record"/> (canonical forms, so equal values in
    /// different wire formats give equal tokens), or null when the record does not carry the field.
    /// </summary>
    public string? Token(SyncRecord record)
    {
        if (!record.Contains(Name))
        {
            return null;
        }

        if (_field is null)
        {
            return LineMerge.Token(LineMerge.LinesOf(record, Name)!, _lines!);
        }

        var builder = new SyncFingerprintBuilder();
        builder.Add(record, Name, _field.Kind);
        return builder.ToFingerprint().ToString();
    }
}
