using System.Text.Json.Nodes;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>
/// The connector's Bulk API 2.0 write path: more records than the threshold go as one ingest job (one per bulk batch
/// size), each record gets its row's outcome, and a create interrupted anywhere between the job's creation and its
/// results, then repeated under the same idempotency keys (as the engine repeats an open intent), writes nothing twice.
/// </summary>
public class SalesforceBulkWriteTests
{
    private const int Threshold = 100;
    private static readonly FieldListMapper Products = new("Salesforce", "Product2", "Name", "ProductCode");

    private static List<RemoteCreate> Creates(int count, int from = 0) =>
        [.. Enumerable.Range(from, count).Select(i => new RemoteCreate(
            new SyncRecord("Product2") { ["Name"] = SyncValue.From($"Product {i:D5}"), ["ProductCode"] = SyncValue.From($"P-{i:D5}") },
            $"intent-{i}"))];

    private static Task<SalesforceOrg> StartAsync(Action<SalesforceOptions>? configure = null, Action<SalesforceEmulatorOptions>? emulator = null) =>
        SalesforceOrg.StartAsync(options =>
        {
            options.BulkThreshold = Threshold;
            options.MaxRetries = 0;
            configure?.Invoke(options);
        }, emulator);

    [Fact]
    public async Task Creates_above_the_threshold_go_as_one_ingest_job_and_each_record_gets_its_own_id()
    {
        await using var org = await StartAsync();
        var creates = Creates(2_500);

        var results = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);

        Assert.All(results, result => Assert.True(result.Succeeded, result.Error?.ToString()));
        var stored = org.Emulator.GetRecords("Product2").ToDictionary(p => (string)p["Id"]!, p => (string)p["ProductCode"]!);
        Assert.Equal(2_500, stored.Count);
        Assert.Equal(creates.Select(c => c.Record["ProductCode"].AsString()), results.Select(r => stored[r.Id!]));
        Assert.Equal((1, 1, 1, 0), (Calls(org, SalesforceEndpoint.BulkIngestCreate), Calls(org, SalesforceEndpoint.BulkIngestUpload), Calls(org, SalesforceEndpoint.BulkIngestState), Calls(org, SalesforceEndpoint.CollectionCreate)));
        Assert.Equal(2, Calls(org, SalesforceEndpoint.BulkIngestResults)); // successful and failed results; nothing was left unprocessed
        Assert.Single(org.JobLogFiles);
    }

    [Fact]
    public async Task A_write_larger_than_the_bulk_batch_goes_in_jobs_of_that_size_and_a_remainder_under_the_threshold_through_collections()
    {
        // The engine hands over a unit's writes whole: the connector alone splits them, 400 + 400 + 50 records.
        await using var org = await StartAsync(options => options.BulkBatchSize = 400);
        var creates = Creates(850);

        var results = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);

        Assert.All(results, result => Assert.True(result.Succeeded, result.Error?.ToString()));
        var stored = org.Emulator.GetRecords("Product2").ToDictionary(p => (string)p["Id"]!, p => (string)p["ProductCode"]!);
        Assert.Equal(creates.Select(c => c.Record["ProductCode"].AsString()), results.Select(r => stored[r.Id!]));
        Assert.Equal((2, 1), (Calls(org, SalesforceEndpoint.BulkIngestCreate), Calls(org, SalesforceEndpoint.CollectionCreate)));
    }

    [Fact]
    public async Task A_refused_row_fails_alone_with_Salesforces_own_error_and_identical_rows_each_get_a_record()
    {
        await using var org = await StartAsync();
        var creates = Creates(200);
        creates[7] = new RemoteCreate(new SyncRecord("Product2") { ["ProductCode"] = SyncValue.From("NO-NAME") }, "intent-no-name");
        creates[8] = new RemoteCreate(new SyncRecord("Product2") { ["Name"] = SyncValue.From(new string('x', 256)) }, "intent-too-long");
        creates[9] = new RemoteCreate(creates[10].Record, "intent-twin");

        var results = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);

        var missing = results[7].Error!;
        Assert.Equal(("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]"), (missing.Code, missing.Message));
        Assert.Equal(["Name"], missing.Fields);
        Assert.Equal("STRING_TOO_LONG", results[8].Error!.Code);
        Assert.Equal(["Name"], results[8].Error!.Fields);
        Assert.Equal(198, results.Count(r => r.Succeeded));
        Assert.NotEqual(results[9].Id, results[10].Id);
        Assert.Equal(198, org.Emulator.GetRecords("Product2").Count);
    }

    [Fact]
    public async Task A_crash_between_upload_and_close_is_resumed_by_closing_the_logged_job_not_by_uploading_again()
    {
        await using var org = await StartAsync();
        var creates = Creates(500);
        org.Emulator.Inject(SalesforceFault.ServerError().On(SalesforceEndpoint.BulkIngestState));

        await Assert.ThrowsAsync<SalesforceApiException>(() => org.Connector.CreateAsync(Products, creates, CancellationToken.None));
        Assert.Empty(org.Emulator.GetRecords("Product2"));
        await org.RestartAsync();
        var results = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);

        Assert.All(results, result => Assert.True(result.Succeeded));
        Assert.Equal(500, org.Emulator.GetRecords("Product2").Count);
        Assert.Equal((1, 1), (Calls(org, SalesforceEndpoint.BulkIngestCreate), Calls(org, SalesforceEndpoint.BulkIngestUpload)));
    }

    [Fact]
    public async Task A_crash_during_the_upload_aborts_the_open_job_and_sends_the_rows_in_a_new_one()
    {
        await using var org = await StartAsync();
        var creates = Creates(500);
        org.Emulator.Inject(SalesforceFault.LoseResponse().On(SalesforceEndpoint.BulkIngestUpload)); // the data arrived; the answer did not

        await Assert.ThrowsAsync<HttpRequestException>(() => org.Connector.CreateAsync(Products, creates, CancellationToken.None));
        await org.RestartAsync();
        var results = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);

        Assert.All(results, result => Assert.True(result.Succeeded));
        Assert.Equal(500, org.Emulator.GetRecords("Product2").Count);
        Assert.Equal((2, 2), (Calls(org, SalesforceEndpoint.BulkIngestCreate), Calls(org, SalesforceEndpoint.BulkIngestUpload)));
        var jobs = await JobStatesAsync(org);
        Assert.Equal(["Aborted", "JobComplete"], jobs);
    }

    [Fact]
    public async Task A_crash_between_close_and_results_waits_for_the_logged_job_and_takes_its_results()
    {
        await using var org = await StartAsync(options => options.BulkJobTimeout = TimeSpan.FromMilliseconds(300));
        var creates = Creates(500);
        org.Emulator.PauseBulkJobs();

        await Assert.ThrowsAsync<TimeoutException>(() => org.Connector.CreateAsync(Products, creates, CancellationToken.None));
        org.Emulator.ResumeBulkJobs();
        await org.RestartAsync();
        var results = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);

        Assert.All(results, result => Assert.True(result.Succeeded));
        Assert.Equal(500, org.Emulator.GetRecords("Product2").Count);
        Assert.Equal((1, 1, 1), (Calls(org, SalesforceEndpoint.BulkIngestCreate), Calls(org, SalesforceEndpoint.BulkIngestUpload), Calls(org, SalesforceEndpoint.BulkIngestState)));
    }

    [Fact]
    public async Task A_lost_close_answer_and_a_crash_after_the_results_are_resumed_from_the_log_with_the_same_ids()
    {
        await using var org = await StartAsync();
        var creates = Creates(300);
        org.Emulator.Inject(SalesforceFault.LoseResponse().On(SalesforceEndpoint.BulkIngestState)); // the close went through

        await Assert.ThrowsAsync<HttpRequestException>(() => org.Connector.CreateAsync(Products, creates, CancellationToken.None));
        await org.RestartAsync();
        var first = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);
        await org.RestartAsync(); // a crash before the engine committed what the first answer said
        var again = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);

        Assert.Equal(first.Select(r => r.Id), again.Select(r => r.Id));
        Assert.Equal(300, org.Emulator.GetRecords("Product2").Count);
        Assert.Equal((1, 1), (Calls(org, SalesforceEndpoint.BulkIngestCreate), Calls(org, SalesforceEndpoint.BulkIngestUpload)));
    }

    [Fact]
    public async Task Only_creates_that_may_be_repeats_are_looked_up_in_the_job_log_a_first_attempt_goes_straight_to_a_new_job()
    {
        await using var org = await StartAsync();
        var creates = Creates(300);
        var first = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);

        // The same keys again: as repeats they take the logged job's outcome; marked first attempts (which in the engine
        // carry keys drawn for them) skip the log, so here they make a second job and records.
        var repeated = await org.Connector.CreateAsync(Products, creates, CancellationToken.None);
        Assert.Equal(first.Select(r => r.Id), repeated.Select(r => r.Id));
        Assert.Equal(1, Calls(org, SalesforceEndpoint.BulkIngestCreate));

        var firstAttempts = await org.Connector.CreateAsync(Products, [.. creates.Select(create => create with { FirstAttempt = true })], CancellationToken.None);
        Assert.Equal(2, Calls(org, SalesforceEndpoint.BulkIngestCreate));
        Assert.Empty(firstAttempts.Select(r => r.Id).Intersect(first.Select(r => r.Id)));
    }

    [Fact]
    public async Task Only_the_rows_a_job_never_reached_are_sent_again_with_the_new_creates()
    {
        // One job of 10,005 rows (the bulk batch size allows it) is two of Salesforce's 10,000-record batches.
        await using var org = await StartAsync(options => options.BulkBatchSize = 20_000, emulator => emulator.DailyBulkBatchLimit = 1);
        var creates = Creates(10_005);

        var failed = await Assert.ThrowsAsync<SalesforceApiException>(() => org.Connector.CreateAsync(Products, creates, CancellationToken.None));
        Assert.Equal("BULK_JOB_FAILED", failed.ErrorCode);
        Assert.Contains("ExceededQuota", failed.RemoteMessage, StringComparison.Ordinal);
        Assert.Equal(10_000, org.Emulator.GetRecords("Product2").Count);
        await org.RestartAsync();
        var again = await Assert.ThrowsAsync<SalesforceApiException>(() => org.Connector.CreateAsync(Products, [.. creates, .. Creates(3, from: 20_000)], CancellationToken.None));

        // The batch allocation is still used up, so the second job fails too: it carried only the 5 rows the first
        // never reached and the 3 new ones, and nothing was written twice.
        Assert.Equal("BULK_JOB_FAILED", again.ErrorCode);
        Assert.Equal(10_000, org.Emulator.GetRecords("Product2").Count);
        var jobs = await JobsAsync(org);
        Assert.Equal(2, jobs.Count);
        Assert.Equal(9, (await GetAsync(org, $"services/data/v64.0/jobs/ingest/{jobs[1]["id"]}/unprocessedrecords")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Updates_and_deletes_above_the_threshold_go_as_ingest_jobs_and_a_record_gone_already_counts_as_deleted()
    {
        await using var org = await StartAsync();
        var ids = Enumerable.Range(0, 300).Select(i => org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{i}" })).ToList();
        org.Emulator.Delete(ids[0]);

        var updated = await org.Connector.UpdateAsync(Products, [.. ids.Select(id => new SyncRecord("Product2", id) { ["Name"] = SyncValue.From("Renamed"), ["ProductCode"] = SyncValue.Null })], CancellationToken.None);
        var deleted = await org.Connector.DeleteAsync(Products, ids, CancellationToken.None);

        Assert.Equal("ENTITY_IS_DELETED", updated[0].Error!.Code);
        Assert.All(updated.Skip(1), result => Assert.True(result.Succeeded));
        Assert.All(deleted, result => Assert.True(result.Succeeded));
        Assert.All(org.Emulator.GetRecords("Product2", includeDeleted: true), p => Assert.True((bool)p["IsDeleted"]!));
        Assert.Equal(2, Calls(org, SalesforceEndpoint.BulkIngestCreate));
        Assert.Equal(0, Calls(org, SalesforceEndpoint.CollectionUpdate) + Calls(org, SalesforceEndpoint.CollectionDelete));
        Assert.Empty(org.JobLogFiles); // updates and deletes are safe to repeat: they are not logged
    }

    [Fact]
    public async Task Creates_by_a_unique_External_ID_match_key_upsert_so_a_record_made_since_the_search_is_updated_not_duplicated()
    {
        var orgCatalog = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Salesforce.org.catalog.json"));
        await using var org = await StartAsync(emulator: options => options.Catalogs.Add(orgCatalog));
        var keyed = new FieldListMapper("Salesforce", "Product2", "Name", "Sync_Key__c") { MatchKeys = ["Sync_Key__c"] };
        var madeMeanwhile = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Made by another integration", ["Sync_Key__c"] = "K-00005" });
        var creates = Enumerable.Range(0, 300).Select(i => new RemoteCreate(
            new SyncRecord("Product2") { ["Name"] = SyncValue.From($"Product {i}"), ["Sync_Key__c"] = SyncValue.From($"K-{i:D5}") }, $"intent-{i}")).ToList();

        var results = await org.Connector.CreateAsync(keyed, creates, CancellationToken.None);

        Assert.All(results, result => Assert.True(result.Succeeded));
        Assert.Equal(madeMeanwhile, results[5].Id);
        Assert.Equal("Product 5", (string)org.Emulator.GetRecord(madeMeanwhile)!["Name"]!);
        Assert.Equal(300, org.Emulator.GetRecords("Product2").Count);
        var job = Assert.Single(await JobsAsync(org));
        Assert.Equal(("upsert", "Sync_Key__c"), ((string)job["operation"]!, (string)job["externalIdFieldName"]!));
    }

    [Fact]
    public async Task At_or_below_the_threshold_writes_stay_on_sObject_Collections()
    {
        await using var org = await StartAsync();

        var results = await org.Connector.CreateAsync(Products, Creates(Threshold), CancellationToken.None);

        Assert.All(results, result => Assert.True(result.Succeeded));
        Assert.Equal((1, 0), (Calls(org, SalesforceEndpoint.CollectionCreate), Calls(org, SalesforceEndpoint.BulkIngestCreate)));
    }

    private static int Calls(SalesforceOrg org, SalesforceEndpoint endpoint) => org.Emulator.CallCount(endpoint);

    private static async Task<List<string>> JobStatesAsync(SalesforceOrg org) => [.. (await JobsAsync(org)).Select(job => (string)job["state"]!)];

    private static async Task<List<JsonNode>> JobsAsync(SalesforceOrg org) =>
        [.. JsonNode.Parse(await GetAsync(org, "services/data/v64.0/jobs/ingest"))!["records"]!.AsArray().Select(job => job!)];

    /// <summary>Reads what the org holds as an administrator would look at it: a plain GET outside the connector.</summary>
    private static async Task<string> GetAsync(SalesforceOrg org, string path)
    {
        using var http = new HttpClient { BaseAddress = org.Emulator.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", org.Emulator.IssueAccessToken());
        return await http.GetStringAsync(path);
    }
}
