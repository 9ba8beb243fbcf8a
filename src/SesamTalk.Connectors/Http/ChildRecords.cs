namespace SesamTalk.Connectors.Http;

/// <summary>
/// A parent record's child collections as connectors that read and write children as records of their own (Salesforce
/// order items, Exact lines, SuperOffice quote lines) handle them: read under their parents, the header without them,
/// per collection the lines to create or update and the lines marked deleted, and whether a write's answer carries them all.
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
    /// Reads the lines of every live parent in <paramref name="parents"/> and sets each parent's collection (empty when
    /// it has none): per child collection of the mapper, <paramref name="readLines"/> gets the parents' ids and yields
    /// each line with the id of its parent, spelled as the parent's.
    /// </summary>
    public static async Task ReadAsync(
        IEntityMapper mapper,
        IReadOnlyList<SyncRecord> parents,
        Func<SyncChildDescriptor, IReadOnlyList<string>, IAsyncEnumerable<(string ParentId, SyncRecord Line)>> readLines)
    {
        var live = parents.Where(p => !p.IsDeleted && p.Id is not null).ToList();
        foreach (var child in mapper.Children)
        {
            var byParent = live.ToDictionary(p => p.Id!, _ => new List<SyncRecord>(), StringComparer.Ordinal);
            if (byParent.Count > 0)
            {
                await foreach (var (parentId, line) in readLines(child, [.. byParent.Keys]).ConfigureAwait(false))
                {
                    byParent[parentId].Add(line);
                }
            }

            foreach (var parent in live)
            {
                parent[child.Field] = SyncValue.From(byParent[parent.Id!]);
            }
        }
    }

    /// <summary>
    /// What to write of the <paramref name="child"/> lines <paramref name="parent"/> carries: each line to create (no id:
    /// sent with <paramref name="parentField"/> set to <paramref name="parentId"/>) or update (sent without the parent
    /// field, which an update may not change), in the collection's order, and the ids of the lines marked deleted. Null
    /// when the record does not carry the collection, which leaves the remote lines as they are.
    /// </summary>
    public static LineWrites? Writes(SyncRecord parent, SyncChildDescriptor child, string parentId, string parentField)
    {
        if (!parent.TryGetValue(child.Field, out var value) || value.AsRecords() is not { } lines)
        {
            return null;
        }

        var writes = new List<LineWrite>(lines.Count);
        foreach (var line in lines.Where(line => !line.IsDeleted))
        {
            var sent = new SyncRecord(line.Type, line.Id);
            foreach (var (field, fieldValue) in line)
            {
                sent[field] = fieldValue;
            }

            if (line.Id is null)
            {
                sent[parentField] = SyncValue.From(parentId);
            }
            else
            {
                sent.Remove(parentField);
            }

            writes.Add(new LineWrite(line, sent));
        }

        return new LineWrites(writes, [.. lines.Where(line => line.IsDeleted && line.Id is not null).Select(line => line.Id!)]);
    }

    /// <summary>
    /// <paramref name="stored"/> when it carries every child collection of the mapper, so that it can stand for a read
    /// of the record; else null (an answer without the lines would tell the engine the lines were emptied).
    /// </summary>
    public static SyncRecord? WithAllChildren(IEntityMapper mapper, SyncRecord stored) =>
        mapper.Children.All(c => stored.TryGetValue(c.Field, out var lines) && lines.Kind == SyncValueKind.Records) ? stored : null;
}

/// <summary>One parent's writes of one child collection (see <see cref="ChildRecords.Writes"/>).</summary>
/// <param name="Writes">The lines to create or update, in the collection's order.</param>
/// <param name="Deletes">The ids of the lines marked deleted.</param>
internal sealed record LineWrites(IReadOnlyList<LineWrite> Writes, IReadOnlyList<string> Deletes);

/// <summary>One line to create or update.</summary>
/// <param name="Line">The engine's line record: a create sets its new id on it.</param>
/// <param name="Sent">The copy to send.</param>
internal sealed record LineWrite(SyncRecord Line, SyncRecord Sent)
{
    /// <summary>Whether the line is new (has no id yet).</summary>
    public bool Creates => Line.Id is null;
}
