namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// One set of a query job's results while its response is open: the locator of the next set and the set's size from
/// the headers, and its CSV rows (the header row first) read from the connection as the reader asks for them, so a set
/// of 10,000 records is never one text or one list.
/// </summary>
/// <param name="response">The open response; disposing the set closes it.</param>
/// <param name="next">The locator of the next set; null after the last.</param>
/// <param name="count">How many records the set holds as Salesforce counts them (<c>Sforce-NumberOfRecords</c>); -1 when not given.</param>
internal sealed class SalesforceQueryResultSet(HttpResponseMessage response, string? next, int count) : IDisposable
{
    /// <summary>The locator of the next set; null after the last.</summary>
    public string? Next { get; } = next;

    /// <summary>How many records the set holds as Salesforce counts them; -1 when not given.</summary>
    public int Count { get; } = count;

    /// <summary>The set's rows, the header row first, as they arrive.</summary>
    public IAsyncEnumerable<string[]> Rows(CancellationToken cancellationToken) => SalesforceCsv.ReadAsync(response, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => response.Dispose();
}
