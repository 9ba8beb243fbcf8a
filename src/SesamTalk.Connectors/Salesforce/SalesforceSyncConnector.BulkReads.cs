using System.Runtime.CompilerServices;

namespace SesamTalk.Connectors.Salesforce;

// The bulk read path. A change read starts with its first REST page, whose totalSize says how many changes there are;
// when more than the threshold remain (an initial load, a cycle after a mass change) the rest is read through one
// query job with the same SOQL, after the last record the REST pages read, but no ORDER BY (Salesforce's advice: it
// would keep the job from splitting the query). Its rows come in no order, in pages of at most 2,000 records
// (SalesforceBulkQuery), so each page but the last carries the cursor of the REST page before them, and the last the
// latest record of the whole read (and the overlap memory of every page): a crash part way through re-reads the job's
// records, none is skipped. Compound address fields cannot be read by a query job; a mapping that reads them stays on
// REST.
public sealed partial class SalesforceSyncConnector
{
    private bool UsesBulk(int records) => _bulkThreshold > 0 && records > _bulkThreshold;

    /// <summary>Whether a query job can read these fields: Bulk API 2.0 refuses compound (address) fields.</summary>
    private async Task<bool> BulkReadableAsync(string type, IEnumerable<string> fields, CancellationToken cancellationToken)
    {
        var describe = await _client.DescribeAsync(type, cancellationToken).ConfigureAwait(false);
        return !fields.Any(field => describe.TryGetValue(field, out var fieldType) && fieldType == "address");
    }

    /// <summary>The changes after the last record the REST pages read, through a query job, less those the memory says were delivered.</summary>
    private async IAsyncEnumerable<RemoteChangePage> ReadRestInBulkAsync(IEntityMapper mapper, IReadOnlyList<string> fields, SalesforceBulkResume resume, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var soql = SalesforceClient.ChangesQuery(mapper.Target.Type, fields, resume.LastRead.Modstamp, resume.LastRead.Id, ordered: false);
        var latest = resume.Delivered;
        IReadOnlyList<SyncRecord>? held = null;
        await foreach (var set in _bulkQuery.ReadAsync(soql, includeDeleted: true, cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in set)
            {
                latest = SalesforceChangeCursor.Latest(latest, SalesforceChangeCursor.After(record));
            }

            var records = resume.Memory?.Unseen(set) ?? [.. set];
            if (records.Count == 0)
            {
                continue;
            }

            if (held is not null)
            {
                yield return new RemoteChangePage(held, resume.Cursor);
            }

            await ReadChildrenAsync(mapper, records, cancellationToken).ConfigureAwait(false);
            resume.Memory?.Remember(records);
            held = records;
        }

        if (held is not null)
        {
            yield return new RemoteChangePage(held, resume.Memory?.Cursor(latest!.Value) ?? latest!.Value.ToString());
        }
    }
}
