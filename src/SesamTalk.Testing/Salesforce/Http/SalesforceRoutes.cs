using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SesamTalk.Testing.Salesforce.Auth;
using SesamTalk.Testing.Salesforce.Handlers;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.Salesforce.Http;

/// <summary>Maps the emulated Salesforce URLs to their handlers, each run through the <see cref="RequestPipeline"/>.</summary>
internal static class SalesforceRoutes
{
    public static void Map(IEndpointRouteBuilder app, SalesforceOrg org)
    {
        var pipeline = new RequestPipeline(org);
        var token = new TokenEndpoint(org);
        var identity = new IdentityEndpoint(org);
        var resources = new ResourcesHandler(org);
        var sobjects = new SObjectHandlers(org);
        var metadata = new MetadataHandlers(org);
        var describe = new DescribeHandlers(org);
        var queries = new QueryHandlers(org);
        var replication = new ReplicationHandlers(org);
        var collections = new CollectionHandlers(org);
        var externalIds = new ExternalIdHandlers(org);
        var collectionUpsert = new CollectionUpsertHandler(org);

        app.MapPost("/services/oauth2/token", http => pipeline.RunAsync(http, SalesforceEndpoint.Token, Guard.Open, token.HandleAsync));
        app.MapGet("/services/data", http => pipeline.RunAsync(http, SalesforceEndpoint.Versions, Guard.Open, MetadataHandlers.VersionsAsync));
        app.MapGet("/id/{orgId}/{userId}", http => pipeline.RunAsync(http, SalesforceEndpoint.Identity, Guard.Open, identity.HandleAsync));

        var data = app.MapGroup("/services/data/v{version}");
        RequestDelegate Api(SalesforceEndpoint endpoint, Func<ApiRequest, CancellationToken, Task<ApiResponse>> handler) =>
            http => pipeline.RunAsync(http, endpoint, Guard.Api, handler);

        data.MapGet("", Api(SalesforceEndpoint.Resources, resources.HandleAsync));
        data.MapGet("/limits", Api(SalesforceEndpoint.Limits, metadata.LimitsAsync));
        data.MapGet("/sobjects", Api(SalesforceEndpoint.DescribeGlobal, describe.DescribeGlobalAsync));
        data.MapGet("/sobjects/{type}", Api(SalesforceEndpoint.BasicInfo, describe.BasicInfoAsync));
        data.MapGet("/sobjects/{type}/describe", Api(SalesforceEndpoint.Describe, describe.DescribeAsync));
        data.MapGet("/sobjects/{type}/updated", Api(SalesforceEndpoint.GetUpdated, replication.UpdatedAsync));
        data.MapGet("/sobjects/{type}/deleted", Api(SalesforceEndpoint.GetDeleted, replication.DeletedAsync));
        data.MapPost("/sobjects/{type}", Api(SalesforceEndpoint.Create, sobjects.CreateAsync));
        data.MapGet("/sobjects/{type}/{id}", Api(SalesforceEndpoint.Retrieve, sobjects.RetrieveAsync));
        data.MapPatch("/sobjects/{type}/{id}", Api(SalesforceEndpoint.Update, sobjects.UpdateAsync));
        // Clients that cannot send PATCH may POST with ?_HttpMethod=PATCH.
        data.MapPost("/sobjects/{type}/{id}", Api(SalesforceEndpoint.Update, sobjects.PostOverrideAsync));
        data.MapDelete("/sobjects/{type}/{id}", Api(SalesforceEndpoint.Delete, sobjects.DeleteAsync));
        data.MapGet("/sobjects/{type}/{field}/{value}", Api(SalesforceEndpoint.RetrieveByExternalId, externalIds.RetrieveAsync));
        data.MapPatch("/sobjects/{type}/{field}/{value}", Api(SalesforceEndpoint.Upsert, externalIds.UpsertAsync));
        data.MapPost("/sobjects/{type}/{field}/{value}", Api(SalesforceEndpoint.Upsert, externalIds.PostOverrideAsync));
        data.MapDelete("/sobjects/{type}/{field}/{value}", Api(SalesforceEndpoint.DeleteByExternalId, externalIds.DeleteAsync));

        data.MapGet("/query", Api(SalesforceEndpoint.Query, queries.QueryAsync));
        data.MapGet("/queryAll", Api(SalesforceEndpoint.Query, queries.QueryAllAsync));
        data.MapGet("/query/{locator}", Api(SalesforceEndpoint.QueryMore, queries.NextPageAsync));
        data.MapGet("/queryAll/{locator}", Api(SalesforceEndpoint.QueryMore, queries.NextPageAsync));

        data.MapPost("/composite/sobjects", Api(SalesforceEndpoint.CollectionCreate, collections.CreateAsync));
        data.MapPatch("/composite/sobjects", Api(SalesforceEndpoint.CollectionUpdate, collections.UpdateAsync));
        data.MapDelete("/composite/sobjects", Api(SalesforceEndpoint.CollectionDelete, collections.DeleteAsync));
        data.MapGet("/composite/sobjects/{type}", Api(SalesforceEndpoint.CollectionRetrieve, collections.RetrieveAsync));
        data.MapPost("/composite/sobjects/{type}", Api(SalesforceEndpoint.CollectionRetrieve, collections.RetrieveByBodyAsync));
        data.MapPatch("/composite/sobjects/{type}/{field}", Api(SalesforceEndpoint.CollectionUpsert, collectionUpsert.UpsertAsync));
        Bulk.BulkRoutes.Map(data, org, Api);

        app.MapFallback(async http =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "application/json;charset=UTF-8";
            await http.Response.WriteAsync(ApiResponse.NotFound().Body!.ToJsonString(), http.RequestAborted).ConfigureAwait(false);
        });
    }
}
