namespace SesamTalk.Connectors.Salesforce;

/// <summary>Where a change read's query job takes over from its REST pages.</summary>
/// <param name="LastRead">The last record the REST pages read: the job reads the records after it.</param>
/// <param name="Delivered">The latest record delivered so far (the read's cursor), if any.</param>
/// <param name="Cursor">The cursor text of the last page delivered (or the read's own cursor): every set but the last carries it.</param>
/// <param name="Memory">The records already delivered inside the change overlap, when the read has one.</param>
internal sealed record SalesforceBulkResume(SalesforceChangeCursor LastRead, SalesforceChangeCursor? Delivered, string Cursor, SalesforceOverlapMemory? Memory);
