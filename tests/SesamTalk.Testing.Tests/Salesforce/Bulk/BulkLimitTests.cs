using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce.Bulk;

/// <summary>Bulk API 2.0's daily allocations and size limits, and what <c>/limits</c> reports of them.</summary>
public sealed class BulkLimitTests
{
    [Fact]
    public async Task Ingest_takes_a_batch_per_ten_thousand_records_and_fails_where_the_allocation_runs_out()
    {
        await using var org = await TestOrg.StartAsync(o => o.DailyBulkBatchLimit = 1);
        var csv = new StringBuilder("Name\n");
        for (var i = 0; i < 10_005; i++)
        {
            csv.Append('P').Append(i).Append('\n');
        }

        var info = await org.RunIngestAsync("insert", csv.ToString());
        var limits = (await org.GetAsync($"{V}/limits")).Body!;

        Assert.Equal("Failed", (string)info["state"]!);
        Assert.StartsWith("ExceededQuota : ", (string)info["errorMessage"]!, StringComparison.Ordinal);
        Assert.Equal(10_000, (int)info["numberRecordsProcessed"]!);
        Assert.Equal(10_000, org.Emulator.GetRecords("Product2").Count);
        Assert.Equal(6, (await org.ResultsAsync((string)info["id"]!, "unprocessedrecords")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(0, (int)limits["DailyBulkApiBatches"]!["Remaining"]!);
        Assert.Equal(1, (int)limits["DailyBulkApiBatches"]!["Max"]!);
    }

    [Fact]
    public async Task Query_jobs_are_counted_per_day()
    {
        await using var org = await TestOrg.StartAsync(o => o.DailyBulkQueryJobLimit = 1);

        await org.CreateQueryAsync("SELECT Id FROM Product2");
        var second = await org.PostAsync($"{V}/jobs/query", new JsonObject { ["operation"] = "query", ["query"] = "SELECT Id FROM Product2" });
        var limits = (await org.GetAsync($"{V}/limits")).Body!;

        Assert.Equal((HttpStatusCode.BadRequest, "EXCEEDEDQUOTA"), (second.Status, second.ErrorCode));
        Assert.Equal(0, (int)limits["DailyBulkV2QueryJobs"]!["Remaining"]!);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_counted_base64_encoded_is_refused()
    {
        await using var org = await TestOrg.StartAsync(o => o.BulkUploadLimitBytes = 400);
        var id = await org.CreateIngestAsync("insert");

        var fits = await org.UploadAsync(id, "Name\n" + new string('x', 290) + "\n");
        var other = await org.CreateIngestAsync("insert");
        var tooBig = await org.UploadAsync(other, "Name\n" + new string('x', 300) + "\n");

        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("\"errorCode\":\"INVALIDBATCH\"", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_calls_stop_with_REQUEST_LIMIT_EXCEEDED_once_the_daily_API_limit_is_used()
    {
        await using var org = await TestOrg.StartAsync(o => o.DailyApiLimit = 10);
        org.Emulator.SetApiUsage(10);

        var reply = await org.PostAsync($"{V}/jobs/ingest", new JsonObject { ["object"] = "Product2", ["operation"] = "insert" });

        Assert.Equal((HttpStatusCode.Forbidden, "REQUEST_LIMIT_EXCEEDED"), (reply.Status, reply.ErrorCode));
    }
}
