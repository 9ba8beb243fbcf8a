using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>Maps Bulk API 2.0's URLs under <c>/services/data/vXX.X/jobs</c> to their handlers.</summary>
internal static class BulkRoutes
{
    /// <param name="data">The versioned data root.</param>
    /// <param name="org">The org.</param>
    /// <param name="api">Runs a handler through the request pipeline as a counted, guarded API call of an endpoint.</param>
    public static void Map(IEndpointRouteBuilder data, SalesforceOrg org, Func<SalesforceEndpoint, Func<ApiRequest, CancellationToken, Task<ApiResponse>>, RequestDelegate> api)
    {
        var ingest = new IngestJobHandlers(org);
        data.MapPost("/jobs/ingest", api(SalesforceEndpoint.BulkIngestCreate, ingest.CreateAsync));
        data.MapGet("/jobs/ingest", api(SalesforceEndpoint.BulkIngestList, ingest.ListAsync));
        data.MapPut("/jobs/ingest/{jobId}/batches", api(SalesforceEndpoint.BulkIngestUpload, ingest.UploadAsync));
        data.MapPatch("/jobs/ingest/{jobId}", api(SalesforceEndpoint.BulkIngestState, ingest.ChangeStateAsync));
        data.MapGet("/jobs/ingest/{jobId}", api(SalesforceEndpoint.BulkIngestInfo, ingest.InfoAsync));
        data.MapDelete("/jobs/ingest/{jobId}", api(SalesforceEndpoint.BulkIngestDelete, ingest.DeleteAsync));
        data.MapGet("/jobs/ingest/{jobId}/successfulResults", api(SalesforceEndpoint.BulkIngestResults, ingest.SuccessfulResultsAsync));
        data.MapGet("/jobs/ingest/{jobId}/failedResults", api(SalesforceEndpoint.BulkIngestResults, ingest.FailedResultsAsync));
        data.MapGet("/jobs/ingest/{jobId}/unprocessedrecords", api(SalesforceEndpoint.BulkIngestResults, ingest.UnprocessedRecordsAsync));

        var query = new QueryJobHandlers(org);
        data.MapPost("/jobs/query", api(SalesforceEndpoint.BulkQueryCreate, query.CreateAsync));
        data.MapGet("/jobs/query", api(SalesforceEndpoint.BulkQueryList, query.ListAsync));
        data.MapGet("/jobs/query/{jobId}", api(SalesforceEndpoint.BulkQueryInfo, query.InfoAsync));
        data.MapPatch("/jobs/query/{jobId}", api(SalesforceEndpoint.BulkQueryState, query.ChangeStateAsync));
        data.MapDelete("/jobs/query/{jobId}", api(SalesforceEndpoint.BulkQueryDelete, query.DeleteAsync));
        data.MapGet("/jobs/query/{jobId}/results", api(SalesforceEndpoint.BulkQueryResults, query.ResultsAsync));
    }
}
