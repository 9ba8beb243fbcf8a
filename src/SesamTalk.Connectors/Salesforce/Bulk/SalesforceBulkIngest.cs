using System.Net;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Writes records through Bulk API 2.0 ingest jobs: create the job, upload its CSV, close it, poll until it finishes,
/// then read its result files and give each record the outcome of its row (a refused row fails alone, with
/// Salesforce's error). Creates are crash-safe through the <see cref="ISalesforceBulkJobLog"/>: the job and its rows'
/// idempotency keys are logged before the upload, so a create repeated under the same keys finds the job and takes its
/// outcomes instead of uploading the rows again (an Open job that got all its data is closed, one that did not is
/// aborted, which processes nothing). Updates and deletes are safe to repeat and are not logged.
/// </summary>
internal sealed class SalesforceBulkIngest(SalesforceClient client, ISalesforceBulkJobLog log, SalesforceBulkPolling polling, TimeProvider time)
{
    /// <summary>
    /// Creates the records (with <paramref name="upsertField"/>, upserts them by it); one result per record, in order,
    /// and a created record's <see cref="SyncRecord.Id"/> set. Only <paramref name="repeatedKeys"/> (creates an earlier
    /// attempt may have sent) are looked up in the log.
    /// </summary>
    public async Task<IReadOnlyList<SalesforceWriteResult>> CreateAsync(
        string type, IReadOnlyList<SyncRecord> records, IReadOnlyList<string> keys, IReadOnlyList<string> repeatedKeys, string? upsertField, CancellationToken cancellationToken)
    {
        var results = new SalesforceWriteResult?[records.Count];
        var byKey = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            byKey[keys[i]] = i;
        }

        // Only a create that may have been sent before can be in a logged job: a first attempt's key is new.
        var logged = repeatedKeys.Count == 0 ? [] : await log.FindAsync(repeatedKeys, cancellationToken).ConfigureAwait(false);
        foreach (var entry in logged)
        {
            await ResumeAsync(entry, byKey, results, cancellationToken).ConfigureAwait(false);
        }

        var rest = Enumerable.Range(0, records.Count).Where(i => results[i] is null).ToList();
        if (rest.Count > 0)
        {
            var upload = SalesforceBulkUpload.Of([.. rest.Select(i => records[i])], includeId: false);
            var job = await client.CreateIngestJobAsync(type, upsertField is null ? "insert" : "upsert", upsertField, cancellationToken).ConfigureAwait(false);
            var entry = new SalesforceBulkJobEntry(job.Id, type, time.GetUtcNow(), Uploaded: false, [.. rest.Select((i, row) => new SalesforceBulkJobRow(keys[i], upload.Contents[row]))]);
            await log.SaveAsync(entry, cancellationToken).ConfigureAwait(false);
            await client.UploadIngestDataAsync(job.Id, upload, cancellationToken).ConfigureAwait(false);
            entry = entry with { Uploaded = true };
            await log.SaveAsync(entry, cancellationToken).ConfigureAwait(false);
            var info = await FinishAsync(entry, await CloseAsync(job.Id, cancellationToken).ConfigureAwait(false), byKey, results, cancellationToken).ConfigureAwait(false);
            if (results.Any(result => result is null))
            {
                throw JobFailed(info); // aborted by someone else before it reached every row: the rest go in the next cycle's job
            }
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (results[i]!.Succeeded)
            {
                records[i].Id = results[i]!.Id;
            }
        }

        return results!;
    }

    /// <summary>Updates the records' fields (an empty cell leaves a field alone); one result per record, in order.</summary>
    public Task<IReadOnlyList<SalesforceWriteResult>> UpdateAsync(string type, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken) =>
        RunAsync(type, "update", SalesforceBulkUpload.Of(records, includeId: true), cancellationToken);

    /// <summary>Deletes records by id; one result per id, in order.</summary>
    public Task<IReadOnlyList<SalesforceWriteResult>> DeleteAsync(string type, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        RunAsync(type, "delete", SalesforceBulkUpload.OfIds(ids), cancellationToken);

    private async Task<IReadOnlyList<SalesforceWriteResult>> RunAsync(string type, string operation, SalesforceBulkUpload upload, CancellationToken cancellationToken)
    {
        var job = await client.CreateIngestJobAsync(type, operation, null, cancellationToken).ConfigureAwait(false);
        await client.UploadIngestDataAsync(job.Id, upload, cancellationToken).ConfigureAwait(false);
        var (info, outcomes) = await OutcomesAsync(await CloseAsync(job.Id, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var results = upload.Contents.Select(content => outcomes.Take(content) ?? Unmatched(info)).ToList();
        if (results.Any(result => result == SalesforceBulkResults.Unprocessed))
        {
            throw JobFailed(info); // an update or a delete is safe to send again: the next cycle does
        }

        return results;
    }

    /// <summary>Takes up a job an earlier attempt started for some of these keys.</summary>
    private async Task ResumeAsync(SalesforceBulkJobEntry entry, Dictionary<string, int> byKey, SalesforceWriteResult?[] results, CancellationToken cancellationToken)
    {
        if (await client.GetIngestJobAsync(entry.JobId, cancellationToken).ConfigureAwait(false) is not { } info)
        {
            // Salesforce deleted the job (seven days after it finished): whether it created these records cannot be told.
            foreach (var row in entry.Rows.Where(row => byKey.ContainsKey(row.IdempotencyKey)))
            {
                results[byKey[row.IdempotencyKey]] = new SalesforceWriteResult(null, new SalesforceApiException(
                    HttpStatusCode.NotFound, "BULK_JOB_GONE", $"Bulk job {entry.JobId}, which may have created this record, no longer exists; check for the record before releasing it.", []));
            }

            return;
        }

        if (info.State == "Open" && !entry.Uploaded)
        {
            // Its data may be partial: abort it (an Open job has processed nothing) and send the rows again.
            await client.SetIngestJobStateAsync(entry.JobId, "Aborted", cancellationToken).ConfigureAwait(false);
            await log.RemoveAsync(entry.JobId, cancellationToken).ConfigureAwait(false);
            return;
        }

        await FinishAsync(entry, info.State == "Open" ? await CloseAsync(entry.JobId, cancellationToken).ConfigureAwait(false) : info, byKey, results, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for a logged job, then gives each of its rows whose key is being created the row's outcome. Rows the job
    /// never reached (it failed or was aborted part way) are taken out of the log entry and left without an outcome, so
    /// a new job sends them; after a job-level failure the call fails with Salesforce's message.
    /// </summary>
    private async Task<SalesforceBulkJobInfo> FinishAsync(SalesforceBulkJobEntry entry, SalesforceBulkJobInfo known, Dictionary<string, int> byKey, SalesforceWriteResult?[] results, CancellationToken cancellationToken)
    {
        var (info, outcomes) = await OutcomesAsync(known, cancellationToken).ConfigureAwait(false);
        var unprocessed = new List<SalesforceBulkJobRow>();
        foreach (var row in entry.Rows)
        {
            var outcome = outcomes.Take(row.Content) ?? Unmatched(info);
            if (outcome == SalesforceBulkResults.Unprocessed)
            {
                unprocessed.Add(row);
            }
            else if (byKey.TryGetValue(row.IdempotencyKey, out var index))
            {
                results[index] = outcome;
            }
        }

        if (unprocessed.Count > 0)
        {
            await log.SaveAsync(entry with { Rows = [.. entry.Rows.Except(unprocessed)] }, cancellationToken).ConfigureAwait(false);
            if (info.State == "Failed")
            {
                throw JobFailed(info);
            }
        }

        return info;
    }

    /// <summary>Waits for the job to finish and reads its result files (and, when it did not complete, its unprocessed records).</summary>
    private async Task<(SalesforceBulkJobInfo Info, SalesforceBulkResults Outcomes)> OutcomesAsync(SalesforceBulkJobInfo known, CancellationToken cancellationToken)
    {
        var id = known.Id;
        var info = await polling.UntilFinishedAsync(
            known, async token => await client.GetIngestJobAsync(id, token).ConfigureAwait(false) ?? throw Gone(id), cancellationToken).ConfigureAwait(false);
        var outcomes = await SalesforceBulkResults.ReadAsync(file => client.GetIngestResultRowsAsync(id, file, cancellationToken), withUnprocessed: info.State != "JobComplete", info.RecordsProcessed).ConfigureAwait(false);
        if (outcomes.Processed != info.RecordsProcessed)
        {
            throw new SalesforceApiException(HttpStatusCode.OK, SystemApiException.MalformedResponse, $"Bulk job {id} processed {info.RecordsProcessed} records but its result files hold {outcomes.Processed}.", []);
        }

        return (info, outcomes);
    }

    /// <summary>Closes a job; a close whose earlier try went through but whose answer was lost is a closed job too.</summary>
    private async Task<SalesforceBulkJobInfo> CloseAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SetIngestJobStateAsync(jobId, "UploadComplete", cancellationToken).ConfigureAwait(false);
        }
        catch (SalesforceApiException refused) when (refused.ErrorCode == "INVALIDJOBSTATE")
        {
            if (await client.GetIngestJobAsync(jobId, cancellationToken).ConfigureAwait(false) is { State: not "Open" } closed)
            {
                return closed;
            }

            throw;
        }
    }

    /// <summary>
    /// A row none of the job's result files names. Such a row is never sent again (it may have been written): it is
    /// refused, so the engine quarantines its record for a person to check.
    /// </summary>
    private static SalesforceWriteResult Unmatched(SalesforceBulkJobInfo info) => new(null, new SalesforceApiException(
        HttpStatusCode.OK, "BULK_RESULT_MISSING", $"Bulk job {info.Id} ({info.State}) reports no outcome for this row; check for the record before releasing it.", []));

    private static SalesforceApiException JobFailed(SalesforceBulkJobInfo info) =>
        new(HttpStatusCode.OK, "BULK_JOB_FAILED", $"Bulk job {info.Id} ended {info.State}: {info.ErrorMessage ?? "no reason given"}", []);

    private static SalesforceApiException Gone(string jobId) =>
        new(HttpStatusCode.NotFound, "NOT_FOUND", $"Bulk job {jobId} no longer exists.", []);
}
