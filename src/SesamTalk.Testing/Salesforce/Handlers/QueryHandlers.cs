using System.Globalization;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Soql;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary><c>/query</c>, <c>/queryAll</c> and the locator pages behind <c>nextRecordsUrl</c>.</summary>
internal sealed class QueryHandlers(SalesforceOrg org)
{
    private const int DefaultBatchSize = 2000;
    private const int MinBatchSize = 200;

    public Task<ApiResponse> QueryAsync(ApiRequest request, CancellationToken cancellationToken) => Run(request, includeDeleted: false);

    public Task<ApiResponse> QueryAllAsync(ApiRequest request, CancellationToken cancellationToken) => Run(request, includeDeleted: true);

    public Task<ApiResponse> NextPageAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var page = org.Cursors.NextPage(request.Route("locator"), request.DataPath);
        return Task.FromResult(page is null
            ? ApiResponse.Error(StatusCodes.Status400BadRequest, "INVALID_QUERY_LOCATOR", "invalid query locator")
            : ApiResponse.Ok(page));
    }

    private Task<ApiResponse> Run(ApiRequest request, bool includeDeleted)
    {
        var soql = request.Query("q");
        if (string.IsNullOrWhiteSpace(soql))
        {
            throw ApiException.BadRequest("MALFORMED_QUERY", "A query string has to be specified");
        }

        var query = SoqlParser.Parse(soql);
        lock (org.Records.Gate)
        {
            var (rows, totalSize) = new SoqlEngine(org.Schemas, org.Records, org.Clock).Execute(query, includeDeleted, request.DataPath);
            return Task.FromResult(ApiResponse.Ok(org.Cursors.FirstPage(rows, totalSize, BatchSize(request), request.DataPath)));
        }
    }

    /// <summary>
    /// Pages hold 2,000 rows unless <c>Sforce-Query-Options: batchSize=N</c> asks otherwise; Salesforce honours
    /// 200..2,000, so values outside that range are clamped.
    /// </summary>
    private static int BatchSize(ApiRequest request)
    {
        var options = request.Header("Sforce-Query-Options") ?? "";
        foreach (var option in options.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = option.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && string.Equals(parts[0], "batchSize", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return Math.Clamp(size, MinBatchSize, DefaultBatchSize);
            }
        }

        return DefaultBatchSize;
    }
}
