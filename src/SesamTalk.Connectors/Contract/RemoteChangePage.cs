namespace SesamTalk.Connectors;

/// <summary>One page of a remote change feed.</summary>
/// <param name="Records">The changed records in feed order; deletions have <see cref="SyncRecord.IsDeleted"/> set.</param>
/// <param name="Cursor">Where to resume after this page; the engine commits it once the page is applied.</param>
public sealed record RemoteChangePage(IReadOnlyList<SyncRecord> Records, string Cursor);
