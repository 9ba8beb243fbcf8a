namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The host records an unlinked remote record may match, as the host index named them when its page was resolved:
/// the ids under the first match key (in priority order) that found any, else, for a record an interrupted create may
/// have made, the records with its content (<see cref="Key"/> null). Whether each is free is decided when the page is
/// routed, with the links the page resolved and the claims of the records routed before it.
/// </summary>
/// <param name="Key">The match key that found the ids; null for ids found by content, or for none.</param>
/// <param name="Ids">The candidates' host ids, each once.</param>
internal sealed record HostCandidates(string? Key, IReadOnlyList<string> Ids)
{
    /// <summary>No host record can be the record's match.</summary>
    public static HostCandidates None { get; } = new(null, []);

    /// <summary>
    /// Why the candidates could not be found (a value that cannot be compared): routing rethrows it, so the record is
    /// quarantined as it would be had it failed there.
    /// </summary>
    public Exception? Error { get; init; }

    /// <summary>The key found the ids with a value several records of the page share: none of them may be linked by it.</summary>
    public bool SharedInPage { get; init; }

    /// <summary>
    /// Whether the key found more than one record, or a value the page shares: the match is ambiguous whatever the
    /// candidates' links.
    /// </summary>
    public bool IsAmbiguous => Key is not null && (Ids.Count > 1 || SharedInPage);

    /// <summary>The ids the record may be matched to, if free: whose links and host records the page reads.</summary>
    public IReadOnlyList<string> Matchable => IsAmbiguous ? [] : Ids;
}
