using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce.Bulk;

/// <summary>Drives Bulk API 2.0 jobs over the wire as a client would: JSON job calls, CSV uploads and CSV results.</summary>
internal static class BulkJobs
{
    /// <summary>The test org's own catalog: a custom External ID (unique) field on Product2, <c>Sync_Key__c</c>.</summary>
    public static string OrgCatalog { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Salesforce.org.catalog.json"));

    public static async Task<string> CreateIngestAsync(this TestOrg org, string operation, string type = "Product2", string? externalId = null)
    {
        var body = new JsonObject { ["object"] = type, ["operation"] = operation, ["contentType"] = "CSV", ["lineEnding"] = "LF" };
        if (externalId is not null)
        {
            body["externalIdFieldName"] = externalId;
        }

        var reply = await org.PostAsync($"{V}/jobs/ingest", body);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return (string)reply.Body!["id"]!;
    }

    public static async Task<HttpResponseMessage> UploadAsync(this TestOrg org, string jobId, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await org.Http.PutAsync($"{V.TrimStart('/')}/jobs/ingest/{jobId}/batches", content);
    }

    public static Task<Reply> SetStateAsync(this TestOrg org, string jobId, string state, string kind = "ingest") =>
        org.PatchAsync($"{V}/jobs/{kind}/{jobId}", new JsonObject { ["state"] = state });

    /// <summary>Creates an ingest job, uploads the CSV, closes the job and waits until it is finished; returns the final job info.</summary>
    public static async Task<JsonObject> RunIngestAsync(this TestOrg org, string operation, string csv, string? externalId = null)
    {
        var id = await org.CreateIngestAsync(operation, externalId: externalId);
        Assert.Equal(HttpStatusCode.Created, (await org.UploadAsync(id, csv)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await org.SetStateAsync(id, "UploadComplete")).Status);
        return await org.WaitAsync(id);
    }

    /// <summary>Polls the job until it is JobComplete, Failed or Aborted; returns its info.</summary>
    public static async Task<JsonObject> WaitAsync(this TestOrg org, string jobId, string kind = "ingest")
    {
        for (var i = 0; i < 600; i++)
        {
            var info = (await org.GetAsync($"{V}/jobs/{kind}/{jobId}")).Body!.AsObject();
            if ((string)info["state"]! is "JobComplete" or "Failed" or "Aborted")
            {
                return info;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Job {jobId} did not finish.");
    }

    /// <summary>A CSV result: status, body text and headers.</summary>
    public static async Task<(HttpStatusCode Status, string Text, Dictionary<string, string> Headers, string? ContentType)> GetCsvAsync(this TestOrg org, string path)
    {
        using var response = await org.Http.GetAsync(path.TrimStart('/'));
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), headers, response.Content.Headers.ContentType?.MediaType);
    }

    public static async Task<string> ResultsAsync(this TestOrg org, string jobId, string which)
    {
        var (status, text, _, _) = await org.GetCsvAsync($"{V}/jobs/ingest/{jobId}/{which}");
        Assert.Equal(HttpStatusCode.OK, status);
        return text;
    }

    public static async Task<string> CreateQueryAsync(this TestOrg org, string soql, string operation = "query")
    {
        var reply = await org.PostAsync($"{V}/jobs/query", new JsonObject { ["operation"] = operation, ["query"] = soql });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return (string)reply.Body!["id"]!;
    }
}
