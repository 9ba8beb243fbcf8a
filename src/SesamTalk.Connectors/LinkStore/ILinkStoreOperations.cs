namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// What an operator's tools (the dashboard) ask of a link store beyond what the engine needs: a flow's links a page at
/// a time, links by the match-key value they were made on, conflicts in a time window, and dropping a quarantined
/// record. Each query reads an index range and stops at its limit, so it stays fast on a store of millions of links.
/// The link stores SesamTalk ships (SQLite, PostgreSQL) implement it.
/// </summary>
public interface ILinkStoreOperations
{
    /// <summary>
    /// A page of the flow's links by host id: the first <paramref name="limit"/> whose host id sorts after
    /// <paramref name="afterLocalId"/> (the last one of the page before; <see langword="null"/> for the first page).
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="afterLocalId">The last host id of the page before, or <see langword="null"/>.</param>
    /// <param name="limit">The most links to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<StoredLink>> ReadLinksPageAsync(SyncFlowId flow, string? afterLocalId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The flow's links made on the match-key value <paramref name="value"/> (compared as the engine matches:
    /// <see cref="SyncMatchValue.Normalise"/>), by host id, a page at a time as <see cref="ReadLinksPageAsync"/>.
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="value">The match-key value, as a person types it.</param>
    /// <param name="afterLocalId">The last host id of the page before, or <see langword="null"/>.</param>
    /// <param name="limit">The most links to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<StoredLink>> FindByMatchValueAsync(SyncFlowId flow, string value, string? afterLocalId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The flow's conflicts resolved from <paramref name="from"/> (inclusive) until <paramref name="until"/> (exclusive), newest first.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="from">The earliest instant, or <see langword="null"/> for no bound.</param>
    /// <param name="until">The instant the window ends before, or <see langword="null"/> for no bound.</param>
    /// <param name="limit">The most conflicts to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ConflictRecord>> ListConflictsAsync(SyncFlowId flow, DateTimeOffset? from, DateTimeOffset? until, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets a quarantined record (held or released) without retrying it: the engine reads it again only when it
    /// changes at its source. Returns whether it was in quarantine.
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="side">The side the record lives on.</param>
    /// <param name="recordId">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> DropQuarantinedAsync(SyncFlowId flow, SyncSide side, string recordId, CancellationToken cancellationToken = default);
}
