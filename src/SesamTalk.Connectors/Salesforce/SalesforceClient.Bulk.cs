using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SesamTalk.Connectors.Salesforce;

// Bulk API 2.0 over /jobs/ingest and /jobs/query: job calls in JSON, data and results in CSV (comma, LF). Uploads are
// never repeated by the retry handler: whether a job may take a second upload is not documented, and a repeated one
// could write its rows twice, so a failed upload fails the call and the job is aborted on the rerun.
public sealed partial class SalesforceClient
{
    internal async Task<SalesforceBulkJobInfo> CreateIngestJobAsync(string type, string operation, string? externalIdField, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string> { ["object"] = type, ["operation"] = operation, ["contentType"] = "CSV", ["lineEnding"] = "LF", ["columnDelimiter"] = "COMMA" };
        if (externalIdField is not null)
        {
            body["externalIdFieldName"] = externalIdField;
        }

        return await JobAsync(HttpMethod.Post, "jobs/ingest", body, cancellationToken).ConfigureAwait(false);
    }

    internal async Task UploadIngestDataAsync(string jobId, SalesforceBulkUpload upload, CancellationToken cancellationToken)
    {
        using var content = new SalesforceCsvContent(upload.Rows, upload.Length);
        using var response = await SendAsync(HttpMethod.Put, _dataPath + "jobs/ingest/" + jobId + "/batches", content, repeatable: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes (UploadComplete) or aborts (Aborted) an ingest job.</summary>
    internal Task<SalesforceBulkJobInfo> SetIngestJobStateAsync(string jobId, string state, CancellationToken cancellationToken) =>
        JobAsync(HttpMethod.Patch, "jobs/ingest/" + jobId, new Dictionary<string, string> { ["state"] = state }, cancellationToken);

    /// <summary>The job's info, or null when Salesforce no longer has the job (deleted, or seven days after it finished).</summary>
    internal async Task<SalesforceBulkJobInfo?> GetIngestJobAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await JobAsync(HttpMethod.Get, "jobs/ingest/" + jobId, null, cancellationToken).ConfigureAwait(false);
        }
        catch (SalesforceApiException gone) when (gone.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The rows of a result file of a finished ingest job (<c>successfulResults</c> or <c>failedResults</c>), header first, as they arrive.</summary>
    internal async IAsyncEnumerable<string[]> GetIngestResultRowsAsync(string jobId, string file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, _dataPath + "jobs/ingest/" + jobId + "/" + file, null, repeatable: true, cancellationToken).ConfigureAwait(false);
        await foreach (var row in SalesforceCsv.ReadAsync(response, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    internal Task<SalesforceBulkJobInfo> CreateQueryJobAsync(string soql, bool includeDeleted, CancellationToken cancellationToken) =>
        JobAsync(HttpMethod.Post, "jobs/query", new Dictionary<string, string> { ["operation"] = includeDeleted ? "queryAll" : "query", ["query"] = soql }, cancellationToken);

    internal Task<SalesforceBulkJobInfo> GetQueryJobAsync(string jobId, CancellationToken cancellationToken) =>
        JobAsync(HttpMethod.Get, "jobs/query/" + jobId, null, cancellationToken);

    /// <summary>
    /// One set of a query job's results, open: the locator of the next set (null after the last) and the set's size as
    /// Salesforce counts it come from the headers, its CSV rows as they arrive (<see cref="SalesforceQueryResultSet.Rows"/>).
    /// </summary>
    internal async Task<SalesforceQueryResultSet> GetQueryResultsAsync(string jobId, string? locator, int maxRecords, CancellationToken cancellationToken)
    {
        var url = _dataPath + "jobs/query/" + jobId + "/results?maxRecords=" + maxRecords.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + (locator is null ? "" : "&locator=" + Uri.EscapeDataString(locator));
        var response = await SendAsync(HttpMethod.Get, url, null, repeatable: true, cancellationToken).ConfigureAwait(false);
        var next = Header(response, "Sforce-Locator");
        var count = int.TryParse(Header(response, "Sforce-NumberOfRecords"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        return new SalesforceQueryResultSet(response, next is null or "null" ? null : next, count);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private async Task<SalesforceBulkJobInfo> JobAsync(HttpMethod method, string path, Dictionary<string, string>? body, CancellationToken cancellationToken)
    {
        using var content = body is null ? null : new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var info = await SendJsonAsync(method, _dataPath + path, content, cancellationToken).ConfigureAwait(false);
        return SalesforceBulkJobInfo.Read(info.RootElement);
    }
}
