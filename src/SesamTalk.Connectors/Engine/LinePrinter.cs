namespace SesamTalk.Connectors.Engine;

/// <summary>
/// A line's print: the line mapper's fingerprint over the fields both sides share, leaving out the line's parent field,
/// which the connector fills in from the record it writes the line under (a host line has no remote parent id yet).
/// </summary>
internal sealed class LinePrinter
{
    private readonly string? _parentField;

    public LinePrinter(SyncChildDescriptor children)
    {
        Mapper = children.Mapper;
        _parentField = children.ParentField;
    }

    /// <summary>The line mapper.</summary>
    public IEntityMapper Mapper { get; }

    /// <summary>The print of <paramref name="line"/>.</summary>
    public string Print(SyncRecord line) =>
        Mapper.Fingerprint(
            _parentField is not null && line.Contains(_parentField)
                ? RecordText.Copy(line, line.FieldNames.Where(field => !string.Equals(field, _parentField, StringComparison.OrdinalIgnoreCase)))
                : line,
            FieldDirection.Both);
}
