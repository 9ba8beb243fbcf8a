using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// Ingest jobs under <c>/jobs/ingest</c>: create (Open), upload the CSV once to <c>contentUrl</c>, close with
/// <c>PATCH {"state":"UploadComplete"}</c> (or abort), poll the job info, then read <c>successfulResults</c>,
/// <c>failedResults</c> and <c>unprocessedrecords</c>. Every call counts against the daily API limit like any REST call.
/// </summary>
internal sealed class IngestJobHandlers(SalesforceOrg org)
{
    private static readonly string[] Operations = ["insert", "update", "upsert", "delete"];

    public async Task<ApiResponse> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        JobDefinition.RequireCsv(body);
        var dialect = JobDefinition.Dialect(body);
        var schema = org.Schemas.Find(JobDefinition.Text(body, "object") ?? "")
            ?? throw BulkErrors.InvalidJob($"Unable to find object: {JobDefinition.Text(body, "object")}");
        var operation = JobDefinition.Text(body, "operation");
        if (operation == "hardDelete")
        {
            throw BulkErrors.InvalidJob("Invalid operation: hardDelete needs the Bulk API Hard Delete permission, which the user does not have");
        }

        if (operation is null || !Operations.Contains(operation, StringComparer.Ordinal))
        {
            throw BulkErrors.InvalidJob($"Invalid operation: {operation}");
        }

        var job = new IngestJob(
            org.Bulk.NewId(), operation, schema.Name, ExternalIdField(body, schema, operation), dialect, request.Version, org.UserId, org.Now);
        job.MoveTo(BulkJobState.Open, job.CreatedDate);
        org.Bulk.Add(job);
        return ApiResponse.Ok(job.Created(request.DataPath));
    }

    public async Task<ApiResponse> UploadAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var job = Job(request);
        var data = await ReadUploadAsync(request, cancellationToken).ConfigureAwait(false);
        lock (job.Gate)
        {
            if (job.State != BulkJobState.Open)
            {
                throw BulkErrors.InvalidJobState($"Data can only be uploaded to an Open job; job {job.Id} is {job.State}");
            }

            if (job.Data is not null)
            {
                throw BulkErrors.InvalidJobState($"Data was uploaded to job {job.Id} already; a job takes one upload");
            }

            job.Data = data;
        }

        return ApiResponse.Created;
    }

    /// <summary><c>PATCH /jobs/ingest/{id}</c>: close (UploadComplete) or abort (Aborted).</summary>
    public async Task<ApiResponse> ChangeStateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        var job = Job(request);
        var state = JobDefinition.Text(body, "state");
        lock (job.Gate)
        {
            switch (state)
            {
                case nameof(BulkJobState.UploadComplete) when job.State == BulkJobState.Open:
                    job.MoveTo(BulkJobState.UploadComplete, org.Now);
                    org.Bulk.Queue.Enqueue(job);
                    break;
                case nameof(BulkJobState.UploadComplete):
                    throw BulkErrors.InvalidJobState($"Job {job.Id} is {job.State}: only an Open job can be closed");
                case nameof(BulkJobState.Aborted) when !job.State.IsTerminal():
                    job.MoveTo(BulkJobState.Aborted, org.Now);
                    break;
                case nameof(BulkJobState.Aborted):
                    throw BulkErrors.InvalidJobState($"Job {job.Id} is {job.State}: a finished job cannot be aborted");
                default:
                    throw BulkErrors.InvalidJobState($"Invalid state: {state}. Use UploadComplete or Aborted");
            }

            return ApiResponse.Ok(job.Summary(request.DataPath));
        }
    }

    public Task<ApiResponse> InfoAsync(ApiRequest request, CancellationToken cancellationToken) => BulkJobInfo.OfAsync(Job(request), request);

    public Task<ApiResponse> ListAsync(ApiRequest request, CancellationToken cancellationToken) => BulkJobInfo.ListAsync<IngestJob>(org, request);

    /// <summary>Deletes a job that is closed or finished, with its data and results.</summary>
    public Task<ApiResponse> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var job = Job(request);
        lock (job.Gate)
        {
            if (job.State is BulkJobState.Open or BulkJobState.InProgress)
            {
                throw BulkErrors.InvalidJobState($"Job {job.Id} is {job.State}: only a job that is UploadComplete, JobComplete, Aborted or Failed can be deleted");
            }

            org.Bulk.Remove(job.Id);
            return Task.FromResult(ApiResponse.NoContent);
        }
    }

    public Task<ApiResponse> SuccessfulResultsAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Results(request, job => (["sf__Id", "sf__Created"], job.Succeeded.Select(s => (IEnumerable<string>)[s.Id, s.Created ? "true" : "false", .. s.Row])));

    public Task<ApiResponse> FailedResultsAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Results(request, job => (["sf__Id", "sf__Error"], job.Failures.Select(f => (IEnumerable<string>)[f.Id, f.Error, .. f.Row])));

    public Task<ApiResponse> UnprocessedRecordsAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Results(request, job => ([], job.Unprocessed.Select(row => (IEnumerable<string>)row)));

    /// <summary>A result file of a finished job: the given sf__ columns, then the columns as uploaded.</summary>
    private Task<ApiResponse> Results(ApiRequest request, Func<IngestJob, (string[] Columns, IEnumerable<IEnumerable<string>> Rows)> select)
    {
        var job = Job(request);
        lock (job.Gate)
        {
            if (!job.State.IsTerminal())
            {
                throw BulkErrors.NotComplete(job.State);
            }

            if (job.Header.Length == 0 && job.Data is { } data && BulkCsv.Read(data, job.Dialect) is [var header, .. var rows])
            {
                // Aborted before processing read the upload: every row is unprocessed.
                job.Header = header;
                job.Rows = rows;
            }

            var (columns, results) = select(job);
            var headerCells = columns.Select(BulkCsv.Quote).Concat(job.Header.Select(name => BulkCsv.Name(name, job.Dialect)));
            return Task.FromResult(ApiResponse.Csv(BulkCsv.Write(headerCells, [.. results], job.Dialect)));
        }
    }

    private IngestJob Job(ApiRequest request) => org.Bulk.Find<IngestJob>(request.Route("jobId"), org.Now) ?? throw BulkErrors.JobNotFound();

    /// <summary>The upsert key of the definition: required for upsert, and a field that can identify a record (external id, idLookup or Id).</summary>
    private static string? ExternalIdField(JsonObject body, SObjectSchema schema, string operation)
    {
        var name = JobDefinition.Text(body, "externalIdFieldName");
        if (operation != "upsert")
        {
            return name;
        }

        if (string.IsNullOrEmpty(name))
        {
            throw BulkErrors.InvalidJob($"External ID was blank for {schema.Name}. An External ID must be specified for upsert.");
        }

        return schema.Field(name) is { } field && (field.Source.ExternalId || field.Source.IdLookup || field.Name == "Id")
            ? field.Name
            : throw BulkErrors.InvalidJob($"Provided external ID field does not exist or is not accessible: {name}");
    }

    /// <summary>Reads the CSV upload; Salesforce counts its size base64-encoded, so the raw limit is three quarters of the configured one.</summary>
    private async Task<string> ReadUploadAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var limit = org.Options.BulkUploadLimitBytes;
        var rawLimit = limit / 4 * 3;
        if (request.Http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null; // this method enforces Salesforce's own limit
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Http.Request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > rawLimit)
            {
                throw new ApiException(ApiResponse.Error(
                    StatusCodes.Status413PayloadTooLarge,
                    "INVALIDBATCH",
                    string.Create(CultureInfo.InvariantCulture, $"The upload exceeds {limit} bytes, the most a job takes (counted base64-encoded)")));
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
