namespace SesamTalk.Connectors;

/// <summary>What a remote API allows for one type. The engine never attempts what the real API refuses.</summary>
/// <param name="CanCreate">Records can be created (false for Salesforce's standard Invoice: link by matching instead).</param>
/// <param name="CanUpdate">Records can be updated.</param>
/// <param name="CanDelete">Records can be deleted.</param>
/// <param name="HonoursIdempotencyKeys">A create repeated with the same key returns the first record instead of a second one.</param>
/// <param name="ReportsDeletions">The change feed carries tombstones.</param>
/// <param name="MaxBatchSize">
/// The most records one write call to the API takes. The connector splits larger writes by it (the engine hands it a
/// unit of work's writes whole); the engine sizes its units of host changes from it.
/// </param>
/// <param name="ListsIds">
/// <see cref="ISyncConnector.ListIdsAsync"/> lists every live record of the type: where the feed reports no deletions,
/// the engine finds them by the linked records no longer listed.
/// </param>
/// <param name="NaturalKey">
/// Fields whose values together identify one record of the type, because the API refuses a second record with the
/// same values (a Salesforce price book entry: one per price book and product). Where the API honours no idempotency
/// key and the mapping has no match key, the engine looks a create that may have happened up by these fields before
/// it creates again.
/// </param>
public sealed record ConnectorCapabilities(
    bool CanCreate,
    bool CanUpdate,
    bool CanDelete,
    bool HonoursIdempotencyKeys,
    bool ReportsDeletions,
    int MaxBatchSize,
    bool ListsIds = false,
    IReadOnlyList<string>? NaturalKey = null)
{
    /// <summary>Whether a create whose answer was lost can be found again: by an idempotency key, a match key or the natural key.</summary>
    /// <param name="matchKeys">The mapping's match keys.</param>
    public bool ProtectsCreates(IReadOnlyList<string> matchKeys) =>
        HonoursIdempotencyKeys || matchKeys is { Count: > 0 } || NaturalKey is { Count: > 0 };
}
