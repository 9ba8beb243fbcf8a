namespace SesamTalk.Connectors.Http;

/// <summary>
/// A parent record's child collections as connectors that write children as records of their own (Salesforce order
/// items, Exact lines, SuperOffice quote lines) take them apart: the header without them, and per collection the
/// lines to create or update and the lines marked deleted; and whether a write's answer carries them all.
/// </summary>
internal static class ChildRecords
{
    /// <summary>The record without the mapper's child collections (nor any other collection value), with the same id.</summary>
    public static SyncRecord Header(IEntityMapper mapper, SyncRecord record)
    {
        var header = new SyncRecord(record.Type, record.Id);
        foreach (var (field, value) in record)
        {
            if (value.Kind != SyncValueKind.Records && !mapper.Children.Any(c => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase)))
            {
                header[field] = value;
            }
        }

        return header;
    }

    /// <summary>
    /// The lines of <paramref name="field"/>: those to write (with an id: update; without: create) and the ids of those
    /// marked deleted; null when the record does not carry the collection, which leaves the remote lines as they are.
    /// </summary>
    public static (IReadOnlyList<SyncRecord> Write, IReadOnlyList<string> Delete)? Lines(SyncRecord record, string field)
    {
        if (!record.TryGetValue(field, out var value) || value.AsRecords() is not { } lines)
        {
            return null;
        }

        return (
            [.. lines.Where(line => !line.IsDeleted)],
            [.. lines.Where(line => line.IsDeleted && line.Id is not null).Select(line => line.Id!)]);
    }

    /// <summary>
    /// <paramref name="stored"/> when it carries every child collection of the mapper, so that it can stand for a read
    /// of the record; else null (an answer without the lines would tell the engine the lines were emptied).
    /// </summary>
    public static SyncRecord? WithAllChildren(IEntityMapper mapper, SyncRecord stored) =>
        mapper.Children.All(c => stored.TryGetValue(c.Field, out var lines) && lines.Kind == SyncValueKind.Records) ? stored : null;
}
