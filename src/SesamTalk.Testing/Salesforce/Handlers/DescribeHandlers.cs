using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>
/// The org's metadata: describe-global <c>GET /sobjects</c>, basic information <c>GET /sobjects/{type}</c> and describe
/// <c>GET /sobjects/{type}/describe</c>, all read from the schema (the standard catalog and any extra ones).
/// </summary>
internal sealed class DescribeHandlers(SalesforceOrg org)
{
    /// <summary>sObject Collections and the other batch calls take at most 200 records; describe-global says so.</summary>
    private const int MaxBatchSize = 200;

    public Task<ApiResponse> DescribeGlobalAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(new JsonObject
        {
            ["encoding"] = "UTF-8",
            ["maxBatchSize"] = MaxBatchSize,
            ["sobjects"] = new JsonArray([.. org.Schemas.All.Select(s => (JsonNode)DescribeJson.Summary(s, request.DataPath))]),
        }));

    /// <summary>
    /// Basic information: the object's summary and <c>recentItems</c>, the records the user viewed lately in the UI.
    /// The integration user views none, so the list is empty.
    /// </summary>
    public Task<ApiResponse> BasicInfoAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(new JsonObject
        {
            ["objectDescribe"] = DescribeJson.Summary(SObjectHandlers.ObjectType(org, request), request.DataPath),
            ["recentItems"] = new JsonArray(),
        }));

    public Task<ApiResponse> DescribeAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(DescribeJson.Full(SObjectHandlers.ObjectType(org, request), org.Schemas, request.DataPath)));
}
