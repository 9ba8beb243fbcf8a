using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>The version list and <c>/limits</c>, read from the org's state.</summary>
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
}
