namespace SesamTalk;

/// <summary>
/// Pairs child records (order lines) with the lines they are on the other side: by the child mapping's first match key
/// when it has one (a quote line's product code), else by position. The generated Apply uses it to update the host's
/// lines in place, and the engine to give host lines the ids of the remote lines they update, so a line meets the
/// line it is, not the one that happens to stand at its place, and a line left unpaired is one that was removed.
/// </summary>
public static class SyncChildPairing
{
    /// <summary>
    /// For each of <paramref name="lines"/>, the index in <paramref name="candidates"/> of the line it is, or -1 for a new
    /// line. Each candidate pairs at most once. With a match key, lines meet the candidate with the same normalised
    /// value (<see cref="SyncMatchValue"/>), and lines without a value meet the candidates without one, in order.
    /// </summary>
    /// <param name="lines">The lines as they should be.</param>
    /// <param name="candidates">The lines as they are.</param>
    /// <param name="lineMapper">The child mapping (its <see cref="IEntityMapper.MatchKeys"/>).</param>
    /// <returns>One candidate index (or -1) per line.</returns>
    public static int[] Pair(IReadOnlyList<SyncRecord> lines, IReadOnlyList<SyncRecord> candidates, IEntityMapper lineMapper)
    {
        _ = lines ?? throw new ArgumentNullException(nameof(lines));
        _ = candidates ?? throw new ArgumentNullException(nameof(candidates));
        _ = lineMapper ?? throw new ArgumentNullException(nameof(lineMapper));
        var pairs = new int[lines.Count];
        if (lineMapper.MatchKeys.Count == 0)
        {
            for (var i = 0; i < pairs.Length; i++)
            {
                pairs[i] = i < candidates.Count ? i : -1;
            }

            return pairs;
        }

        var key = lineMapper.MatchKeys[0];
        var candidateKeys = candidates.Select(candidate => SyncMatchValue.Of(candidate, key)).ToList();
        var used = new bool[candidates.Count];
        var keyless = new Queue<int>(Enumerable.Range(0, candidates.Count).Where(j => candidateKeys[j] is null));
        for (var i = 0; i < pairs.Length; i++)
        {
            var wanted = SyncMatchValue.Of(lines[i], key);
            pairs[i] = wanted is null ? (keyless.Count > 0 ? keyless.Dequeue() : -1) : Find(wanted, candidateKeys, used);
            if (pairs[i] >= 0)
            {
                used[pairs[i]] = true;
            }
        }

        return pairs;
    }

    private static int Find(string wanted, List<string?> candidateKeys, bool[] used)
    {
        for (var j = 0; j < candidateKeys.Count; j++)
        {
            if (!used[j] && string.Equals(candidateKeys[j], wanted, StringComparison.Ordinal))
            {
                return j;
            }
        }

        return -1;
    }
}
