namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Lines up child records (order lines) by the child mapping's first match key, when it has one, instead of by
/// position: the generated Apply updates the host's lines in order, and connectors update remote lines by id, so a
/// line must meet the line it is, not the one that happens to stand at its place.
/// </summary>
internal static class LineAlignment
{
    /// <summary>
    /// <paramref name="incoming"/> reordered so that the record matching <paramref name="existing"/>[i] stands at i; an
    /// existing line nothing matches keeps its own record there; incoming records that match nothing follow. Without a
    /// match key the incoming order stands.
    /// </summary>
    public static IReadOnlyList<SyncRecord> ForExisting(IEntityMapper lineMapper, IReadOnlyList<SyncRecord> existing, IReadOnlyList<SyncRecord> incoming)
    {
        if (lineMapper.MatchKeys.Count == 0)
        {
            return incoming;
        }

        var unused = incoming.ToList();
        var aligned = new List<SyncRecord>(Math.Max(existing.Count, incoming.Count));
        foreach (var line in existing)
        {
            var match = Match(lineMapper, line, unused);
            aligned.Add(match ?? line);
            if (match is not null)
            {
                unused.Remove(match);
            }
        }

        aligned.AddRange(unused);
        return aligned;
    }

    /// <summary>The record of <paramref name="candidates"/> with the same match-key value as <paramref name="line"/>; by position when the line mapping has no match key.</summary>
    public static SyncRecord? Counterpart(IEntityMapper lineMapper, SyncRecord line, IReadOnlyList<SyncRecord> candidates, int position) =>
        lineMapper.MatchKeys.Count == 0
            ? position < candidates.Count ? candidates[position] : null
            : Match(lineMapper, line, candidates);

    private static SyncRecord? Match(IEntityMapper lineMapper, SyncRecord line, IReadOnlyList<SyncRecord> candidates)
    {
        var key = lineMapper.MatchKeys[0];
        return line.TryGetValue(key, out var value) && MatchValue.Normalise(value) is { } wanted
            ? candidates.FirstOrDefault(candidate => candidate.TryGetValue(key, out var other) && MatchValue.Normalise(other) == wanted)
            : null;
    }
}
