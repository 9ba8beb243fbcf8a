namespace SesamTalk.Connectors.Salesforce;

/// <summary>One page of a REST query answer.</summary>
/// <param name="Records">The page's records.</param>
/// <param name="TotalSize">How many records the whole query matched (<c>totalSize</c>).</param>
/// <param name="Done">Whether this is the last page.</param>
internal sealed record SalesforceQueryPage(IReadOnlyList<SyncRecord> Records, int TotalSize, bool Done);
