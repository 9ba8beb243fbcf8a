using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;
using SesamTalk.Testing.Salesforce.Soql;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// Query jobs under <c>/jobs/query</c>: create (the SOQL is checked at once, and GROUP BY, OFFSET, aggregates and
/// compound fields are refused as Bulk API 2.0 refuses them), poll, then read the CSV results a set at a time with
/// <c>locator</c> and <c>maxRecords</c>; each answer names the next set in <c>Sforce-Locator</c> (the string
/// <c>null</c> after the last) and its size in <c>Sforce-NumberOfRecords</c>. Results must be read with the API
/// version the job was created with (409 otherwise).
/// </summary>
internal sealed class QueryJobHandlers(SalesforceOrg org)
{
    /// <summary>SOQL statements are limited to 100,000 characters.</summary>
    private const int MaxQueryLength = 100_000;

    /// <summary>The rows of a result set when the request names no <c>maxRecords</c> (Salesforce picks a size itself).</summary>
    private const int DefaultSetSize = 50_000;

    public async Task<ApiResponse> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        JobDefinition.RequireCsv(body);
        var dialect = JobDefinition.Dialect(body);
        var operation = JobDefinition.Text(body, "operation");
        if (operation is not ("query" or "queryAll"))
        {
            throw BulkErrors.InvalidJob($"Invalid operation: {operation}. Use query or queryAll");
        }

        var soql = JobDefinition.Text(body, "query");
        if (string.IsNullOrWhiteSpace(soql))
        {
            throw ApiException.BadRequest("MALFORMED_QUERY", "A query string has to be specified");
        }

        if (soql.Length > MaxQueryLength)
        {
            throw ApiException.BadRequest(
                "MALFORMED_QUERY", string.Create(CultureInfo.InvariantCulture, $"The query has {soql.Length} characters; SOQL statements cannot exceed {MaxQueryLength}"));
        }

        var query = SoqlParser.Parse(soql);
        var schema = Check(query);
        if (!org.Bulk.TryTakeQueryJob())
        {
            throw BulkErrors.ExceededQuota($"The org's {org.Bulk.QueryJobLimit} query jobs for 24 hours are used up");
        }

        var job = new QueryJob(org.Bulk.NewId(), operation, query, schema.Name, dialect, request.Version, org.UserId, org.Now);
        org.Bulk.Add(job);
        org.Bulk.Queue.Enqueue(job);
        lock (job.Gate)
        {
            return ApiResponse.Ok(job.Created(request.DataPath));
        }
    }

    public Task<ApiResponse> InfoAsync(ApiRequest request, CancellationToken cancellationToken) => BulkJobInfo.OfAsync(Job(request), request);

    public Task<ApiResponse> ListAsync(ApiRequest request, CancellationToken cancellationToken) => BulkJobInfo.ListAsync<QueryJob>(org, request);

    /// <summary><c>PATCH /jobs/query/{id}</c> with <c>{"state":"Aborted"}</c>: the only change a query job takes.</summary>
    public async Task<ApiResponse> ChangeStateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        var job = Job(request);
        var state = JobDefinition.Text(body, "state");
        lock (job.Gate)
        {
            if (state != nameof(BulkJobState.Aborted))
            {
                throw BulkErrors.InvalidJobState($"Invalid state: {state}. A query job can only be Aborted");
            }

            if (job.State.IsTerminal())
            {
                throw BulkErrors.InvalidJobState($"Job {job.Id} is {job.State}: a finished job cannot be aborted");
            }

            job.MoveTo(BulkJobState.Aborted, org.Now);
            return ApiResponse.Ok(job.Summary(request.DataPath));
        }
    }

    public Task<ApiResponse> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var job = Job(request);
        lock (job.Gate)
        {
            if (job.State == BulkJobState.InProgress)
            {
                throw BulkErrors.InvalidJobState($"Job {job.Id} is InProgress: abort it or wait until it finishes before deleting it");
            }

            org.Bulk.Remove(job.Id);
            return Task.FromResult(ApiResponse.NoContent);
        }
    }

    public Task<ApiResponse> ResultsAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var job = Job(request);
        var offset = Offset(request.Query("locator"));
        var size = SetSize(request.Query("maxRecords"));
        lock (job.Gate)
        {
            if (job.State != BulkJobState.JobComplete)
            {
                throw BulkErrors.NotComplete(job.State);
            }

            if (job.ApiVersion != request.Version)
            {
                throw new ApiException(ApiResponse.Error(
                    StatusCodes.Status409Conflict,
                    "INVALIDJOB",
                    $"Job {job.Id} was created with API version {job.ApiVersion}; read its results with that version, not {request.Version}"));
            }

            if (offset > job.Rows.Count)
            {
                throw ApiException.BadRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
            }

            var count = Math.Min(size, job.Rows.Count - offset);
            var next = offset + count < job.Rows.Count ? Locator(offset + count) : "null";
            var csv = BulkCsv.Write(job.Header.Select(BulkCsv.Quote), job.Rows.GetRange(offset, count), job.Dialect);
            return Task.FromResult(ApiResponse.Csv(csv, new Dictionary<string, string>
            {
                ["Sforce-Locator"] = next,
                ["Sforce-NumberOfRecords"] = count.ToString(CultureInfo.InvariantCulture),
            }));
        }
    }

    private QueryJob Job(ApiRequest request) => org.Bulk.Find<QueryJob>(request.Route("jobId"), org.Now) ?? throw BulkErrors.JobNotFound();

    /// <summary>Binds the query now (unknown objects and fields fail the create) and refuses what Bulk API 2.0 query does not support.</summary>
    private SObjectSchema Check(SoqlQuery query)
    {
        if (query.IsCount || query.Offset is not null)
        {
            throw BulkErrors.InvalidJob("Bulk API 2.0 query does not support aggregate functions such as COUNT(), or OFFSET");
        }

        var schema = org.Schemas.Find(query.From) ?? throw ApiException.BadRequest(
            "INVALID_TYPE", $"sObject type '{query.From}' is not supported.");
        foreach (var field in query.Fields.Concat(query.OrderBy.Select(o => o.Field)))
        {
            if (FieldPath.Bind(org.Schemas, schema, field).Field.Type == FieldType.Address)
            {
                throw BulkErrors.InvalidJob($"Compound fields are not supported by Bulk API 2.0 query: {field}. Query its components instead");
            }
        }

        return schema;
    }

    /// <summary>
    /// Locators are the base64 of the offset of the set they start, unpadded (MTAwMDA is row 10000), as Salesforce's
    /// look; a missing locator is the first set.
    /// </summary>
    private static int Offset(string? locator)
    {
        if (string.IsNullOrEmpty(locator))
        {
            return 0;
        }

        try
        {
            var padded = locator.PadRight(locator.Length + ((4 - (locator.Length % 4)) % 4), '=');
            return int.TryParse(Encoding.ASCII.GetString(Convert.FromBase64String(padded)), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : throw ApiException.BadRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        catch (FormatException)
        {
            throw ApiException.BadRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
    }

    private static string Locator(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static int SetSize(string? maxRecords) =>
        maxRecords is null ? DefaultSetSize
        : int.TryParse(maxRecords, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size
        : throw BulkErrors.InvalidJob($"Invalid maxRecords: {maxRecords}. It must be a positive whole number");
}
