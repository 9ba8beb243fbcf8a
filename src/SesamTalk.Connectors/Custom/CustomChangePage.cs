namespace SesamTalk.Connectors.Custom;

/// <summary>One page of a custom system's change feed: commit <see cref="NextCursor"/> only after its records are applied.</summary>
/// <param name="Records">The changed records, tombstones included, oldest first.</param>
/// <param name="NextCursor">The cursor after the last record of the page.</param>
/// <param name="HasMore">Whether more changes were waiting when the page was served.</param>
public sealed record CustomChangePage(IReadOnlyList<SyncRecord> Records, string NextCursor, bool HasMore);
