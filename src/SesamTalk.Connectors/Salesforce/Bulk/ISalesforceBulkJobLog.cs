namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Where the Salesforce connector records each Bulk API 2.0 ingest job that creates records, before it uploads the
/// job's data: the job id and, per row, the idempotency key of the engine's create intent. A create repeated after a
/// crash (the engine repeats it under the same keys) finds the job here and takes its outcome from the job's results
/// instead of uploading the rows again. The default, <see cref="SalesforceBulkJobDirectory"/>, keeps one file per job.
/// </summary>
public interface ISalesforceBulkJobLog
{
    /// <summary>Records a job, or replaces its entry (when it is marked uploaded, or rows are taken out of it).</summary>
    /// <param name="entry">The job.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task SaveAsync(SalesforceBulkJobEntry entry, CancellationToken cancellationToken);

    /// <summary>The recorded jobs that have a row under any of <paramref name="idempotencyKeys"/>, oldest first.</summary>
    /// <param name="idempotencyKeys">The keys of the creates about to be sent.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<SalesforceBulkJobEntry>> FindAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken);

    /// <summary>Forgets a job (one aborted before it processed anything).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    Task RemoveAsync(string jobId, CancellationToken cancellationToken);
}

/// <summary>An ingest job the connector started to create records.</summary>
/// <param name="JobId">The job id.</param>
/// <param name="Object">The sObject type.</param>
/// <param name="CreatedAt">When the job was created; entries go seven days later, when Salesforce deletes the job.</param>
/// <param name="Uploaded">Whether the job's data was uploaded in full (an Open job without it is aborted, not closed).</param>
/// <param name="Rows">The job's rows in upload order.</param>
public sealed record SalesforceBulkJobEntry(string JobId, string Object, DateTimeOffset CreatedAt, bool Uploaded, IReadOnlyList<SalesforceBulkJobRow> Rows);

/// <summary>One row of a logged ingest job.</summary>
/// <param name="IdempotencyKey">The key of the create the row carries.</param>
/// <param name="Content">A hash of the row's cells: result files repeat a row's cells, so a result is matched to its row by it.</param>
public sealed record SalesforceBulkJobRow(string IdempotencyKey, string Content);
