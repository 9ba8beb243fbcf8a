using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>The answers ingest and query jobs share: <c>GET /jobs/{kind}/{id}</c> and the list <c>GET /jobs/{kind}</c>.</summary>
internal static class BulkJobInfo
{
    /// <summary>One job's info, read under its gate.</summary>
    public static Task<ApiResponse> OfAsync(BulkJob job, ApiRequest request)
    {
        lock (job.Gate)
        {
            return Task.FromResult(ApiResponse.Ok(job.Info(request.DataPath)));
        }
    }

    /// <summary>Every live job of the kind, oldest first, in one page (<c>done</c>, no <c>nextRecordsUrl</c>).</summary>
    public static Task<ApiResponse> ListAsync<T>(SalesforceOrg org, ApiRequest request)
        where T : BulkJob
    {
        var records = new JsonArray();
        foreach (var job in org.Bulk.All<T>(org.Now))
        {
            lock (job.Gate)
            {
                records.Add(job.Info(request.DataPath));
            }
        }

        return Task.FromResult(ApiResponse.Ok(new JsonObject { ["done"] = true, ["records"] = records, ["nextRecordsUrl"] = null }));
    }
}
