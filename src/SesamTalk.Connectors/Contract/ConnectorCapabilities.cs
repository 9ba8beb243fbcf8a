namespace SesamTalk.Connectors;

/// <summary>What a remote API allows for one type. The engine never attempts what the real API refuses.</summary>
/// <param name="CanCreate">Records can be created (false for Salesforce's standard Invoice: link by matching instead).</param>
/// <param name="CanUpdate">Records can be updated.</param>
/// <param name="CanDelete">Records can be deleted.</param>
/// <param name="HonoursIdempotencyKeys">A create repeated with the same key returns the first record instead of a second one.</param>
/// <param name="ReportsDeletions">The change feed carries tombstones.</param>
/// <param name="MaxBatchSize">The most records one write call takes.</param>
/// <param name="ListsIds">
/// <see cref="ISyncConnector.ListIdsAsync"/> lists every live record of the type: where the feed reports no deletions,
/// the engine finds them by the linked records no longer listed.
/// </param>
public sealed record ConnectorCapabilities(
    bool CanCreate,
    bool CanUpdate,
    bool CanDelete,
    bool HonoursIdempotencyKeys,
    bool ReportsDeletions,
    int MaxBatchSize,
    bool ListsIds = false);
