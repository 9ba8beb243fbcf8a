using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce.Bulk;

/// <summary>Bulk API 2.0 ingest jobs: the job's life, result files as Salesforce writes them, and per-row validation.</summary>
public sealed class IngestJobTests
{
    [Fact]
    public async Task An_insert_job_is_open_then_closed_then_processed_in_the_background_and_reports_every_row()
    {
        await using var org = await TestOrg.StartAsync();

        var created = await org.PostAsync($"{V}/jobs/ingest", new JsonObject { ["object"] = "Product2", ["operation"] = "insert", ["contentType"] = "CSV", ["lineEnding"] = "LF" });
        var id = (string)created.Body!["id"]!;
        Assert.StartsWith("750", id, StringComparison.Ordinal);
        Assert.Equal("Open", (string)created.Body["state"]!);
        Assert.Equal($"services/data/v64.0/jobs/ingest/{id}/batches", (string)created.Body["contentUrl"]!);
        Assert.Equal("64.0", created.Body["apiVersion"]!.ToJsonString());
        Assert.Equal(("COMMA", "LF", "Parallel", "CSV"), ((string)created.Body["columnDelimiter"]!, (string)created.Body["lineEnding"]!, (string)created.Body["concurrencyMode"]!, (string)created.Body["contentType"]!));

        var upload = await org.UploadAsync(id, "Name,ProductCode\nWidget,W-1\nGadget,G-1\n");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Empty(await upload.Content.ReadAsByteArrayAsync());

        org.Emulator.PauseBulkJobs();
        var closed = await org.SetStateAsync(id, "UploadComplete");
        Assert.Equal("UploadComplete", (string)closed.Body!["state"]!);
        Assert.Null(closed.Body["contentUrl"]);
        Assert.Equal("UploadComplete", (string)(await org.GetAsync($"{V}/jobs/ingest/{id}")).Body!["state"]!);
        Assert.Empty(org.Emulator.GetRecords("Product2")); // nothing runs before the queue takes the job
        org.Emulator.ResumeBulkJobs();

        var info = await org.WaitAsync(id);
        Assert.Equal("JobComplete", (string)info["state"]!);
        Assert.Equal(("V2Ingest", 2, 0), ((string)info["jobType"]!, (int)info["numberRecordsProcessed"]!, (int)info["numberRecordsFailed"]!));
        var products = org.Emulator.GetRecords("Product2");
        Assert.Equal(["Widget", "Gadget"], products.Select(p => (string)p["Name"]!));
        Assert.Equal(
            $"\"sf__Id\",\"sf__Created\",Name,ProductCode\n\"{products[0]["Id"]}\",\"true\",\"Widget\",\"W-1\"\n\"{products[1]["Id"]}\",\"true\",\"Gadget\",\"G-1\"\n",
            await org.ResultsAsync(id, "successfulResults"));
        Assert.Equal("\"sf__Id\",\"sf__Error\",Name,ProductCode\n", await org.ResultsAsync(id, "failedResults"));
        Assert.Equal("Name,ProductCode\n", await org.ResultsAsync(id, "unprocessedrecords"));
    }

    [Fact]
    public async Task A_refused_row_fails_alone_with_its_error_as_result_files_write_it()
    {
        await using var org = await TestOrg.StartAsync();

        var info = await org.RunIngestAsync("insert", string.Join("\n",
            "Name,ProductCode,IsActive,Description",
            "Good,G-1,true,",
            ",NO-NAME,true,",
            $"{new string('x', 256)},LONG,false,",
            "Bad flag,B-1,maybe,",
            "#N/A,NULL-NAME,true,",
            "\"Quoted, with \"\"quotes\"\"\nand a line break\",Q-1,1,#N/A",
            ""));

        Assert.Equal(("JobComplete", 6, 4), ((string)info["state"]!, (int)info["numberRecordsProcessed"]!, (int)info["numberRecordsFailed"]!));
        var failed = (await org.ResultsAsync((string)info["id"]!, "failedResults")).Split('\n');
        Assert.Equal("\"sf__Id\",\"sf__Error\",Name,ProductCode,IsActive,Description", failed[0]);
        Assert.Equal("\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --\",\"\",\"NO-NAME\",\"true\",\"\"", failed[1]);
        Assert.StartsWith("\"\",\"STRING_TOO_LONG:Name: data value too large: xxx", failed[2], StringComparison.Ordinal);
        Assert.Equal("\"\",\"INVALID_FIELD:Failed to deserialize field at col 3. Due to, 'maybe' is not a valid value for the type xsd:boolean:IsActive --\",\"Bad flag\",\"B-1\",\"maybe\",\"\"", failed[3]);
        Assert.StartsWith("\"\",\"REQUIRED_FIELD_MISSING:", failed[4], StringComparison.Ordinal);
        var quoted = org.Emulator.GetRecords("Product2").Single(p => (string?)p["ProductCode"] == "Q-1");
        Assert.Equal("Quoted, with \"quotes\"\nand a line break", (string)quoted["Name"]!);
        Assert.True((bool)quoted["IsActive"]!);
        Assert.Equal(2, org.Emulator.GetRecords("Product2").Count);
    }

    [Fact]
    public async Task An_unknown_column_fails_the_whole_job_and_leaves_every_row_unprocessed()
    {
        await using var org = await TestOrg.StartAsync();

        var info = await org.RunIngestAsync("insert", "Name,Colour__c\nWidget,red\nGadget,blue\n");

        Assert.Equal("Failed", (string)info["state"]!);
        Assert.Equal("InvalidBatch : Field name not found : Colour__c", (string)info["errorMessage"]!);
        Assert.Equal(0, (int)info["numberRecordsProcessed"]!);
        Assert.Equal("Name,Colour__c\n\"Widget\",\"red\"\n\"Gadget\",\"blue\"\n", await org.ResultsAsync((string)info["id"]!, "unprocessedrecords"));
        Assert.Empty(org.Emulator.GetRecords("Product2"));
    }

    [Fact]
    public async Task Updates_leave_empty_cells_alone_clear_NA_cells_and_refuse_ids_as_collections_do()
    {
        await using var org = await TestOrg.StartAsync();
        var widget = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Widget", ["ProductCode"] = "W-1", ["Description"] = "old" });
        var gone = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Gone" });
        org.Emulator.Delete(gone);

        var info = await org.RunIngestAsync("update", $"Id,Name,ProductCode,Description\n{widget},Widget 2,,#N/A\n{gone},X,,\nnot-an-id,Y,,\n");

        Assert.Equal(1, 3 - (int)info["numberRecordsFailed"]!);
        var stored = org.Emulator.GetRecord(widget)!;
        Assert.Equal(("Widget 2", "W-1", (string?)null), ((string)stored["Name"]!, (string)stored["ProductCode"]!, (string?)stored["Description"]));
        var id = (string)info["id"]!;
        Assert.Equal($"\"sf__Id\",\"sf__Created\",Id,Name,ProductCode,Description\n\"{widget}\",\"false\",\"{widget}\",\"Widget 2\",\"\",\"#N/A\"\n", await org.ResultsAsync(id, "successfulResults"));
        var failed = (await org.ResultsAsync(id, "failedResults")).Split('\n');
        Assert.StartsWith($"\"{gone}\",\"ENTITY_IS_DELETED:entity is deleted: --\"", failed[1], StringComparison.Ordinal);
        Assert.StartsWith("\"not-an-id\",\"MALFORMED_ID:Product2 ID: id value of incorrect type: not-an-id:Id --\"", failed[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deletes_move_records_to_the_recycle_bin_and_refuse_unknown_ids()
    {
        await using var org = await TestOrg.StartAsync();
        var widget = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Widget" });

        var info = await org.RunIngestAsync("delete", $"Id\n{widget}\n01t000000000000AAA\n");

        Assert.Equal((2, 1), ((int)info["numberRecordsProcessed"]!, (int)info["numberRecordsFailed"]!));
        Assert.True(org.Emulator.IsDeleted(widget));
        Assert.Contains("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id: --", await org.ResultsAsync((string)info["id"]!, "failedResults"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upserts_match_the_orgs_external_id_field_update_what_they_find_and_create_the_rest()
    {
        await using var org = await TestOrg.StartAsync(o => o.Catalogs.Add(BulkJobs.OrgCatalog));
        var existing = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Old", ["Sync_Key__c"] = "K-1" });

        var info = await org.RunIngestAsync("upsert", "Sync_Key__c,Name\nK-1,Renamed\nK-2,New\nK-2,New again\n,No key\n", externalId: "Sync_Key__c");

        Assert.Equal(("JobComplete", 4, 1), ((string)info["state"]!, (int)info["numberRecordsProcessed"]!, (int)info["numberRecordsFailed"]!));
        Assert.Equal("Sync_Key__c", (string)info["externalIdFieldName"]!);
        Assert.Equal("Renamed", (string)org.Emulator.GetRecord(existing)!["Name"]!);
        var products = org.Emulator.GetRecords("Product2");
        Assert.Equal(2, products.Count);
        var created = products.Single(p => (string)p["Sync_Key__c"]! == "K-2");
        Assert.Equal("New again", (string)created["Name"]!); // a key repeated later in the file updates the row before it
        var id = (string)info["id"]!;
        Assert.Equal(
            $"\"sf__Id\",\"sf__Created\",Sync_Key__c,Name\n\"{existing}\",\"false\",\"K-1\",\"Renamed\"\n\"{created["Id"]}\",\"true\",\"K-2\",\"New\"\n\"{created["Id"]}\",\"false\",\"K-2\",\"New again\"\n",
            await org.ResultsAsync(id, "successfulResults"));
        Assert.Contains("MISSING_ARGUMENT:Sync_Key__c not specified: --", await org.ResultsAsync(id, "failedResults"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upsert_needs_an_external_id_field_that_exists()
    {
        await using var org = await TestOrg.StartAsync(o => o.Catalogs.Add(BulkJobs.OrgCatalog));

        var none = await org.PostAsync($"{V}/jobs/ingest", new JsonObject { ["object"] = "Product2", ["operation"] = "upsert" });
        var plain = await org.PostAsync($"{V}/jobs/ingest", new JsonObject { ["object"] = "Product2", ["operation"] = "upsert", ["externalIdFieldName"] = "ProductCode" });

        Assert.Equal((HttpStatusCode.BadRequest, "INVALIDJOB"), (none.Status, none.ErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALIDJOB"), (plain.Status, plain.ErrorCode));
        Assert.Equal(["message", "errorCode"], plain.SingleError().Select(p => p.Key));
    }

    [Fact]
    public async Task An_insert_of_a_taken_unique_value_fails_with_DUPLICATE_VALUE()
    {
        await using var org = await TestOrg.StartAsync(o => o.Catalogs.Add(BulkJobs.OrgCatalog));
        var existing = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Old", ["Sync_Key__c"] = "K-1" });

        var info = await org.RunIngestAsync("insert", "Name,Sync_Key__c\nTwin,K-1\nOther,K-2\nOther twin,K-2\n");

        Assert.Equal(2, (int)info["numberRecordsFailed"]!);
        var failed = await org.ResultsAsync((string)info["id"]!, "failedResults");
        Assert.Contains($"DUPLICATE_VALUE:duplicate value found: Sync_Key__c duplicates value on record with id: {existing}: --", failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_reads_and_answers_in_its_own_delimiter_and_line_ending()
    {
        await using var org = await TestOrg.StartAsync();
        var created = await org.PostAsync($"{V}/jobs/ingest", new JsonObject { ["object"] = "Product2", ["operation"] = "insert", ["columnDelimiter"] = "TAB", ["lineEnding"] = "CRLF" });
        var id = (string)created.Body!["id"]!;

        await org.UploadAsync(id, "Name\tProductCode\r\nA, b\tT-1\r\n");
        await org.SetStateAsync(id, "UploadComplete");
        var info = await org.WaitAsync(id);

        Assert.Equal(("TAB", "CRLF"), ((string)info["columnDelimiter"]!, (string)info["lineEnding"]!));
        var record = Assert.Single(org.Emulator.GetRecords("Product2"));
        Assert.Equal(("A, b", "T-1"), ((string)record["Name"]!, (string)record["ProductCode"]!));
        Assert.Equal($"\"sf__Id\"\t\"sf__Created\"\tName\tProductCode\r\n\"{record["Id"]}\"\t\"true\"\t\"A, b\"\t\"T-1\"\r\n", await org.ResultsAsync(id, "successfulResults"));
    }

    [Fact]
    public async Task Result_files_are_CSV_and_every_bulk_call_counts_against_the_daily_limit()
    {
        await using var org = await TestOrg.StartAsync();

        var info = await org.RunIngestAsync("insert", "Name\nWidget\n");
        var polls = org.Emulator.CallCount(SalesforceEndpoint.BulkIngestInfo);
        var (_, _, headers, contentType) = await org.GetCsvAsync($"{V}/jobs/ingest/{info["id"]}/successfulResults");

        Assert.Equal("text/csv", contentType);
        Assert.Matches(@"^api-usage=\d+/15000$", headers["Sforce-Limit-Info"]);
        Assert.Equal((1, 1, 1, 1), (
            org.Emulator.CallCount(SalesforceEndpoint.BulkIngestCreate), org.Emulator.CallCount(SalesforceEndpoint.BulkIngestUpload),
            org.Emulator.CallCount(SalesforceEndpoint.BulkIngestState), org.Emulator.CallCount(SalesforceEndpoint.BulkIngestResults)));
        Assert.Equal(3 + polls + 1, org.Emulator.ApiUsage);
    }
}
