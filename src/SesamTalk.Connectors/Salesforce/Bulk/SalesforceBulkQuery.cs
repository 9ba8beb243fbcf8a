using System.Net;
using System.Runtime.CompilerServices;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Reads a SOQL query through a Bulk API 2.0 query job: create it, poll until it is complete, then stream its CSV
/// results a set of <see cref="SalesforceOptions.BulkBatchSize"/> records at a time, following <c>Sforce-Locator</c>.
/// Each record equals what a REST read of it gives (<see cref="SalesforceCsvRecordReader"/>). Rows come in no
/// guaranteed order.
/// </summary>
internal sealed class SalesforceBulkQuery(SalesforceClient client, SalesforceBulkPolling polling, int setSize)
{
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
            List<SyncRecord> records;
            int count;
            try
            {
                (records, locator, count) = await client.GetQueryResultsAsync(
                    job.Id, locator, setSize, (header, row) => SalesforceCsvRecordReader.Read(header, row, type, fieldTypes), cancellationToken).ConfigureAwait(false);
            }
            catch (FormatException cut)
            {
                throw new SalesforceApiException(HttpStatusCode.OK, SystemApiException.MalformedResponse, cut.Message, []);
            }

            // A set cut off on the way holds fewer rows than Salesforce counted.
            if (count >= 0 && records.Count != count)
            {
                throw new SalesforceApiException(HttpStatusCode.OK, SystemApiException.MalformedResponse, $"A set of query results holds {records.Count} records where Sforce-NumberOfRecords says {count}.", []);
            }

            if (records.Count > 0)
            {
                yield return records;
            }
        }
        while (locator is not null);
    }
}
