namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Which remote line each line of an update is, so the connector updates that line instead of adding one beside it:
/// a line that carries a remote id is that line; a line equal to a remote line on the shared fields is that line; the
/// rest pair with the remote lines left over by <see cref="SyncChildPairing"/> (the line mapping's match key, else position).
/// </summary>
internal static class LineIdentities
{
    /// <summary>For each of <paramref name="lines"/>, the id of the remote line it is, or null for a new line.</summary>
    /// <param name="lines">The lines as they should be.</param>
    /// <param name="existing">The live remote lines.</param>
    /// <param name="printer">The line prints.</param>
    public static string?[] Assign(IReadOnlyList<SyncRecord> lines, IReadOnlyList<SyncRecord> existing, LinePrinter printer)
    {
        var ids = lines.Select(line => line.Id).ToArray();
        var free = existing.Where(line => line.Id is not null && !ids.Contains(line.Id, StringComparer.Ordinal)).ToList();
        var prints = free.Select(printer.Print).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (ids[i] is null && prints.IndexOf(printer.Print(lines[i])) is var same and >= 0)
            {
                ids[i] = free[same].Id;
                free.RemoveAt(same);
                prints.RemoveAt(same);
            }
        }

        var open = Enumerable.Range(0, lines.Count).Where(i => ids[i] is null).ToList();
        var pairs = SyncChildPairing.Pair([.. open.Select(i => lines[i])], free, printer.Mapper);
        for (var j = 0; j < open.Count; j++)
        {
            ids[open[j]] = pairs[j] >= 0 ? free[pairs[j]].Id : null;
        }

        return ids;
    }
}
