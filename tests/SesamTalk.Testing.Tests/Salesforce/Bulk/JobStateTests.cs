using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce.Bulk;

/// <summary>The Bulk API 2.0 job state machine: which call each state takes, and the errors of the others.</summary>
public sealed class JobStateTests
{
    [Fact]
    public async Task A_job_takes_one_upload_and_only_while_it_is_open()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateIngestAsync("insert");

        await org.UploadAsync(id, "Name\nA\n");
        var second = await org.UploadAsync(id, "Name\nB\n");
        await org.SetStateAsync(id, "UploadComplete");
        var afterClose = await org.UploadAsync(id, "Name\nC\n");
        await org.WaitAsync(id);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("\"errorCode\":\"INVALIDJOBSTATE\"", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, afterClose.StatusCode);
        Assert.Equal(["A"], org.Emulator.GetRecords("Product2").Select(p => (string)p["Name"]!));
    }

    [Fact]
    public async Task A_job_closes_once_and_a_finished_job_cannot_be_aborted()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateIngestAsync("insert");
        await org.UploadAsync(id, "Name\nA\n");

        await org.SetStateAsync(id, "UploadComplete");
        var again = await org.SetStateAsync(id, "UploadComplete");
        await org.WaitAsync(id);
        var abort = await org.SetStateAsync(id, "Aborted");
        var nonsense = await org.SetStateAsync(id, "Finished");

        Assert.Equal((HttpStatusCode.BadRequest, "INVALIDJOBSTATE"), (again.Status, again.ErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALIDJOBSTATE"), (abort.Status, abort.ErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALIDJOBSTATE"), (nonsense.Status, nonsense.ErrorCode));
    }

    [Fact]
    public async Task An_aborted_job_writes_nothing_and_reports_its_rows_unprocessed()
    {
        await using var org = await TestOrg.StartAsync();
        var open = await org.CreateIngestAsync("insert");
        await org.UploadAsync(open, "Name\nA\nB\n");
        org.Emulator.PauseBulkJobs();
        var queued = await org.CreateIngestAsync("insert");
        await org.UploadAsync(queued, "Name\nC\n");
        await org.SetStateAsync(queued, "UploadComplete");

        var abortedOpen = await org.SetStateAsync(open, "Aborted");
        var abortedQueued = await org.SetStateAsync(queued, "Aborted");
        org.Emulator.ResumeBulkJobs();

        Assert.Equal("Aborted", (string)abortedOpen.Body!["state"]!);
        Assert.Equal("Aborted", (string)(await org.WaitAsync(queued))["state"]!);
        Assert.Equal("Aborted", (string)abortedQueued.Body!["state"]!);
        Assert.Empty(org.Emulator.GetRecords("Product2"));
        Assert.Equal("Name\n\"A\"\n\"B\"\n", await org.ResultsAsync(open, "unprocessedrecords"));
        Assert.Equal("Name\n\"C\"\n", await org.ResultsAsync(queued, "unprocessedrecords"));
    }

    [Fact]
    public async Task Results_before_the_job_finished_are_412_JOB_NOT_COMPLETE_and_unknown_jobs_404()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateIngestAsync("insert");

        var early = await org.GetAsync($"{V}/jobs/ingest/{id}/successfulResults");
        var unknown = await org.GetAsync($"{V}/jobs/ingest/7500A00000ZZZZZAAA");

        Assert.Equal((HttpStatusCode.PreconditionFailed, "JOB_NOT_COMPLETE"), (early.Status, early.ErrorCode));
        Assert.Contains("Current status: OPEN", (string)early.SingleError()["message"]!, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "NOT_FOUND"), (unknown.Status, unknown.ErrorCode));
    }

    [Fact]
    public async Task Only_a_closed_or_finished_job_can_be_deleted_and_finished_jobs_go_after_seven_days()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2024-09-10T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var org = await TestOrg.StartAsync(clock: clock);
        var open = await org.CreateIngestAsync("insert");
        var done = (string)(await org.RunIngestAsync("insert", "Name\nA\n"))["id"]!;
        var kept = (string)(await org.RunIngestAsync("insert", "Name\nB\n"))["id"]!;

        var deleteOpen = await org.DeleteAsync($"{V}/jobs/ingest/{open}");
        var deleteDone = await org.DeleteAsync($"{V}/jobs/ingest/{done}");
        var afterDelete = await org.GetAsync($"{V}/jobs/ingest/{done}");
        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        org.Http.DefaultRequestHeaders.Authorization = new("Bearer", org.Emulator.IssueAccessToken()); // a week outlives any session
        var afterSevenDays = await org.GetAsync($"{V}/jobs/ingest/{kept}");
        var list = await org.GetAsync($"{V}/jobs/ingest");

        Assert.Equal((HttpStatusCode.BadRequest, "INVALIDJOBSTATE"), (deleteOpen.Status, deleteOpen.ErrorCode));
        Assert.Equal(HttpStatusCode.NoContent, deleteDone.Status);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.Status);
        Assert.Equal(HttpStatusCode.NotFound, afterSevenDays.Status);
        Assert.True((bool)list.Body!["done"]!);
        Assert.Equal([open], list.Body["records"]!.AsArray().Select(j => (string)j!["id"]!));
    }

    [Fact]
    public async Task Job_definitions_Salesforce_refuses_are_refused_at_creation()
    {
        await using var org = await TestOrg.StartAsync();

        async Task<Reply> Create(JsonObject body) => await org.PostAsync($"{V}/jobs/ingest", body);
        var unknownObject = await Create(new JsonObject { ["object"] = "Gizmo", ["operation"] = "insert" });
        var unknownOperation = await Create(new JsonObject { ["object"] = "Product2", ["operation"] = "merge" });
        var hardDelete = await Create(new JsonObject { ["object"] = "Product2", ["operation"] = "hardDelete" });
        var badDelimiter = await Create(new JsonObject { ["object"] = "Product2", ["operation"] = "insert", ["columnDelimiter"] = "COLON" });
        var json = await Create(new JsonObject { ["object"] = "Product2", ["operation"] = "insert", ["contentType"] = "JSON" });

        Assert.All([unknownObject, unknownOperation, hardDelete, badDelimiter, json], reply => Assert.Equal((HttpStatusCode.BadRequest, "INVALIDJOB"), (reply.Status, reply.ErrorCode)));
        Assert.Equal("Unable to find object: Gizmo", (string)unknownObject.SingleError()["message"]!);
    }

    [Fact]
    public async Task A_lost_close_answer_still_closed_the_job()
    {
        await using var org = await TestOrg.StartAsync();
        var id = await org.CreateIngestAsync("insert");
        await org.UploadAsync(id, "Name\nA\n");
        org.Emulator.Inject(SalesforceFault.LoseResponse().On(SalesforceEndpoint.BulkIngestState));

        await Assert.ThrowsAsync<HttpRequestException>(() => org.SetStateAsync(id, "UploadComplete"));

        Assert.Equal("JobComplete", (string)(await org.WaitAsync(id))["state"]!);
        Assert.Single(org.Emulator.GetRecords("Product2"));
    }
}
