namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The mappers' constants (<c>[SyncConstant]</c>) on what the engine creates remotely, and only there: a new record gets
/// each constant where it has no value (missing or empty), and so does each new line (one without an id) of its child
/// collections, with the child mapper's constants. Records and lines that exist get none, so later edits in the remote
/// system are never reverted. Connectors send what they are given.
/// </summary>
internal static class CreateConstants
{
    /// <summary>Fills the constants of <paramref name="record"/>, a record or line to create, and of its new lines.</summary>
    public static void Apply(IEntityMapper mapper, SyncRecord record)
    {
        foreach (var constant in mapper.Constants)
        {
            if (!record.TryGetValue(constant.Field, out var value) || value.IsEmpty)
            {
                record[constant.Field] = constant.Value;
            }
        }

        foreach (var child in mapper.Children)
        {
            if (record.TryGetValue(child.Field, out var lines) && lines.AsRecords() is { } list && list.Any(IsNew))
            {
                // The lines may be the host's own shape: the constants go on copies.
                record[child.Field] = SyncValue.From(list.Select(line => IsNew(line) ? WithConstants(child.Mapper, line) : line).ToList());
            }
        }
    }

    private static SyncRecord WithConstants(IEntityMapper mapper, SyncRecord line)
    {
        var copy = RecordText.Copy(line, line.FieldNames);
        Apply(mapper, copy);
        return copy;
    }

    private static bool IsNew(SyncRecord line) => line.Id is null && !line.IsDeleted;
}
