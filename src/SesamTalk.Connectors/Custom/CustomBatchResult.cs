namespace SesamTalk.Connectors.Custom;

/// <summary>The outcome of one batch item: the record as the system stored it, or the problem it answered.</summary>
/// <param name="Record">The stored record, or null when the item failed.</param>
/// <param name="Problem">The item's problem, or null when it succeeded.</param>
public sealed record CustomBatchResult(SyncRecord? Record, CustomSystemException? Problem);
