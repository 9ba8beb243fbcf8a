using System.Net;
using System.Runtime.CompilerServices;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Reads a SOQL query through a Bulk API 2.0 query job: create it, poll until it is complete, then stream its CSV
/// results a set of <see cref="SalesforceOptions.BulkBatchSize"/> records a call, following <c>Sforce-Locator</c>, and
/// hand them on in pages of at most <see cref="PageSize"/> records as the set's body arrives: a reader that lets each
/// page go before it asks for the next holds one page, not a set. Each record equals what a REST read of it gives
/// (<see cref="SalesforceCsvRecordReader"/>). Rows come in no guaranteed order.
/// </summary>
internal sealed class SalesforceBulkQuery(SalesforceClient client, SalesforceBulkPolling polling, int setSize)
{
    /// <summary>The most records one page holds: a REST query page's 2,000.</summary>
    public const int PageSize = 2_000;

    public async IAsyncEnumerable<IReadOnlyList<SyncRecord>> ReadAsync(string soql, bool includeDeleted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var type = SalesforceClient.SoqlObject(soql);
        var fieldTypes = await client.DescribeAsync(type, cancellationToken).ConfigureAwait(false);
        var job = await client.CreateQueryJobAsync(soql, includeDeleted, cancellationToken).ConfigureAwait(false);
        var info = await polling.UntilFinishedAsync(job, token => client.GetQueryJobAsync(job.Id, token), cancellationToken).ConfigureAwait(false);
        if (info.State != "JobComplete")
        {
            throw new SalesforceApiException(HttpStatusCode.OK, "BULK_JOB_FAILED", $"Bulk query job {info.Id} ended {info.State}.", []);
        }

        string? locator = null;
        do
        {
            using var set = await client.GetQueryResultsAsync(job.Id, locator, setSize, cancellationToken).ConfigureAwait(false);
            locator = set.Next;
            var read = 0;
            await using var rows = set.Rows(cancellationToken).GetAsyncEnumerator(cancellationToken);
            var header = await NextRowAsync(rows).ConfigureAwait(false);
            var page = new List<SyncRecord>();
            while (header is not null && await NextRowAsync(rows).ConfigureAwait(false) is { } row)
            {
                page.Add(SalesforceCsvRecordReader.Read(header, row, type, fieldTypes));
                read++;
                if (page.Count == PageSize)
                {
                    yield return page;
                    page = [];
                }
            }

            // A set cut off on the way holds fewer rows than Salesforce counted.
            if (set.Count >= 0 && read != set.Count)
            {
                throw new SalesforceApiException(HttpStatusCode.OK, SystemApiException.MalformedResponse, $"A set of query results holds {read} records where Sforce-NumberOfRecords says {set.Count}.", []);
            }

            if (page.Count > 0)
            {
                yield return page;
            }
        }
        while (locator is not null);
    }

    /// <summary>The next row of a set, null after its last; a body cut off inside a quoted value is a malformed response.</summary>
    private static async ValueTask<string[]?> NextRowAsync(IAsyncEnumerator<string[]> rows)
    {
        try
        {
            return await rows.MoveNextAsync().ConfigureAwait(false) ? rows.Current : null;
        }
        catch (FormatException cut)
        {
            throw new SalesforceApiException(HttpStatusCode.OK, SystemApiException.MalformedResponse, cut.Message, []);
        }
    }
}
