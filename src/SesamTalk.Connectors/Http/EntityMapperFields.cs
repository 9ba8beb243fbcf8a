namespace SesamTalk.Connectors.Http;

/// <summary>What a connector reads for a mapper, and filters built from many values that keep under a URL limit.</summary>
internal static class EntityMapperFields
{
    /// <summary>
    /// The remote fields to read: the mapped scalar fields, match keys and references, once each. Fields carrying child
    /// records are read by the connector's own child queries.
    /// </summary>
    public static IReadOnlyList<string> ReadFields(this IEntityMapper mapper)
    {
        var children = new HashSet<string>(mapper.Children.Select(c => c.Field), StringComparer.OrdinalIgnoreCase);
        return [.. mapper.Fields.Where(f => f.Kind != SyncValueKind.Records).Select(f => f.Field)
            .Concat(mapper.MatchKeys)
            .Concat(mapper.References.Select(r => r.Field))
            .Where(f => !children.Contains(f))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Groups literals into lists whose URL-escaped length, with <paramref name="separatorLength"/> characters between
    /// them, stays within <paramref name="budget"/>, so that a filter built from each list keeps under a URL limit.
    /// With <paramref name="escaped"/> false the literals' own length counts (a filter sent in a request body).
    /// </summary>
    public static IEnumerable<List<string>> ChunkByUrlLength(IEnumerable<string> literals, int budget, int separatorLength, bool escaped = true)
    {
        var chunk = new List<string>();
        var length = 0;
        foreach (var literal in literals)
        {
            var size = escaped ? Uri.EscapeDataString(literal).Length : literal.Length;
            var added = size + (chunk.Count == 0 ? 0 : separatorLength);
            if (chunk.Count > 0 && length + added > budget)
            {
                yield return chunk;
                chunk = [];
                added = size;
                length = 0;
            }

            chunk.Add(literal);
            length += added;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
