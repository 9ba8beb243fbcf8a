using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>The version list, <c>/limits</c> and <c>/sobjects/{type}/describe</c>, all read from the org's state and schema.</summary>
internal sealed class MetadataHandlers(SalesforceOrg org)
{
    private static readonly (string Label, string Version)[] Releases =
    [
        ("Spring '25", "63.0"), ("Summer '25", "64.0"), ("Winter '26", "65.0"), ("Spring '26", "66.0"), ("Summer '26", "67.0"),
    ];

    public static Task<ApiResponse> VersionsAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(new JsonArray([.. Releases.Select(r => (JsonNode)new JsonObject
        {
            ["label"] = r.Label,
            ["url"] = "/services/data/v" + r.Version,
            ["version"] = r.Version,
        })])));

    public Task<ApiResponse> LimitsAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(new JsonObject
        {
            ["DailyApiRequests"] = new JsonObject
            {
                ["Max"] = org.Usage.DailyLimit,
                ["Remaining"] = Math.Max(0, org.Usage.DailyLimit - org.Usage.Used),
            },
            ["DailyBulkApiBatches"] = new JsonObject { ["Max"] = org.Bulk.BatchLimit, ["Remaining"] = org.Bulk.BatchLimit - org.Bulk.BatchesUsed },
            ["DailyBulkV2QueryJobs"] = new JsonObject { ["Max"] = org.Bulk.QueryJobLimit, ["Remaining"] = org.Bulk.QueryJobLimit - org.Bulk.QueryJobsUsed },
        }));

    public Task<ApiResponse> DescribeAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = SObjectHandlers.ObjectType(org, request);
        var fields = schema.Fields.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["type"] = f.Type.ToDescribeName(),
            ["length"] = f.Source.Length ?? 0,
            ["createable"] = f.Source.Createable,
            ["updateable"] = f.Source.Updateable,
            ["nillable"] = f.Source.Nillable,
            ["defaultedOnCreate"] = f.Source.DefaultedOnCreate,
            ["idLookup"] = f.Source.IdLookup,
            ["externalId"] = f.Source.ExternalId,
            ["unique"] = f.Source.Unique,
            ["autoNumber"] = f.Source.AutoNumber,
            ["referenceTo"] = new JsonArray([.. f.Source.ReferenceTo.Select(t => (JsonNode)t)]),
            ["relationshipName"] = f.RelationshipName,
        });
        return Task.FromResult(ApiResponse.Ok(new JsonObject
        {
            ["name"] = schema.Name,
            ["keyPrefix"] = schema.KeyPrefix,
            ["createable"] = schema.Createable,
            ["updateable"] = schema.Updateable,
            ["deletable"] = schema.Deletable,
            ["queryable"] = true,
            ["urls"] = new JsonObject { ["sobject"] = $"{request.DataPath}/sobjects/{schema.Name}" },
            ["fields"] = new JsonArray([.. fields]),
        }));
    }
}
