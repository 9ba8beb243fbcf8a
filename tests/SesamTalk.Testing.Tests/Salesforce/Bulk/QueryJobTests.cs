using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce.Bulk;

/// <summary>Bulk API 2.0 query jobs: CSV results read a set at a time behind Sforce-Locator, and what they refuse.</summary>
public sealed class QueryJobTests
{
    [Fact]
    public async Task A_query_job_is_polled_to_completion_and_its_results_are_read_in_sets_behind_the_locator()
    {
        await using var org = await TestOrg.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{i}" });
        }

        org.Emulator.PauseBulkJobs();
        var created = await org.PostAsync($"{V}/jobs/query", new JsonObject { ["operation"] = "query", ["query"] = "SELECT Id, Name FROM Product2" });
        var id = (string)created.Body!["id"]!;
        Assert.Equal(("UploadComplete", "query", "Product2"), ((string)created.Body["state"]!, (string)created.Body["operation"]!, (string)created.Body["object"]!));
        Assert.Null(created.Body["contentUrl"]);
        Assert.Equal("UploadComplete", (string)(await org.GetAsync($"{V}/jobs/query/{id}")).Body!["state"]!);
        org.Emulator.ResumeBulkJobs();
        var info = await org.WaitAsync(id, "query");

        Assert.Equal(("JobComplete", "V2Query", 5), ((string)info["state"]!, (string)info["jobType"]!, (int)info["numberRecordsProcessed"]!));
        var names = new List<string>();
        var locators = new List<string>();
        string? locator = null;
        do
        {
            var (status, text, headers, type) = await org.GetCsvAsync($"{V}/jobs/query/{id}/results?maxRecords=2" + (locator is null ? "" : "&locator=" + locator));
            Assert.Equal((HttpStatusCode.OK, "text/csv"), (status, type));
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("\"Id\",\"Name\"", lines[0]);
            Assert.Equal(lines.Length - 1, int.Parse(headers["Sforce-NumberOfRecords"], System.Globalization.CultureInfo.InvariantCulture));
            names.AddRange(lines.Skip(1).Select(l => l.Split(',')[1].Trim('"')));
            locator = headers["Sforce-Locator"];
            locators.Add(locator);
        }
        while (locator != "null");

        Assert.Equal(["P0", "P1", "P2", "P3", "P4"], names);
        Assert.Equal(["Mg", "NA", "null"], locators); // base64 of the next set's offset, as Salesforce's locators are
    }

    [Fact]
    public async Task Results_write_values_as_bulk_CSV_does_and_stay_a_snapshot_of_when_the_job_ran()
    {
        await using var org = await TestOrg.StartAsync();
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme, Inc." });
        var order = org.Emulator.Seed("Order", new JsonObject { ["AccountId"] = account, ["EffectiveDate"] = "2024-09-10", ["Status"] = "Draft" }, DateTimeOffset.Parse("2024-09-10T14:20:17Z", System.Globalization.CultureInfo.InvariantCulture));
        var product = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Widget" });
        var entry = org.Emulator.Seed("PricebookEntry", new JsonObject { ["Pricebook2Id"] = org.Emulator.StandardPricebookId, ["Product2Id"] = product, ["UnitPrice"] = 12.5, ["IsActive"] = true });
        var orders = await org.CreateQueryAsync("SELECT Id, EffectiveDate, SystemModstamp, TotalAmount, Description, IsReductionOrder, Account.Name FROM Order");
        var prices = await org.CreateQueryAsync("SELECT Id, UnitPrice, Product2.Name FROM PricebookEntry");
        await org.WaitAsync(orders, "query");
        await org.WaitAsync(prices, "query");

        org.Emulator.Edit(order, new JsonObject { ["Description"] = "changed later" });
        var (_, orderCsv, _, _) = await org.GetCsvAsync($"{V}/jobs/query/{orders}/results");
        var (_, priceCsv, _, _) = await org.GetCsvAsync($"{V}/jobs/query/{prices}/results");

        Assert.Equal(
            $"\"Id\",\"EffectiveDate\",\"SystemModstamp\",\"TotalAmount\",\"Description\",\"IsReductionOrder\",\"Account.Name\"\n\"{order}\",\"2024-09-10\",\"2024-09-10T14:20:17.000Z\",\"\",\"\",\"false\",\"Acme, Inc.\"\n",
            orderCsv);
        Assert.Equal($"\"Id\",\"UnitPrice\",\"Product2.Name\"\n\"{entry}\",\"12.5\",\"Widget\"\n", priceCsv);
    }

    [Fact]
    public async Task QueryAll_jobs_read_the_recycle_bin_and_query_jobs_do_not()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Kept" });
        org.Emulator.Delete(org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Binned" }));

        var query = await org.CreateQueryAsync("SELECT Name, IsDeleted FROM Product2");
        var queryAll = await org.CreateQueryAsync("SELECT Name, IsDeleted FROM Product2", "queryAll");
        await org.WaitAsync(query, "query");
        await org.WaitAsync(queryAll, "query");

        Assert.Equal("\"Name\",\"IsDeleted\"\n\"Kept\",\"false\"\n", (await org.GetCsvAsync($"{V}/jobs/query/{query}/results")).Text);
        Assert.Equal("\"Name\",\"IsDeleted\"\n\"Kept\",\"false\"\n\"Binned\",\"true\"\n", (await org.GetCsvAsync($"{V}/jobs/query/{queryAll}/results")).Text);
    }

    [Fact]
    public async Task Results_need_a_finished_job_and_the_API_version_it_was_created_with()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.PauseBulkJobs();
        var id = await org.CreateQueryAsync("SELECT Id FROM Product2");

        var early = await org.GetAsync($"{V}/jobs/query/{id}/results");
        org.Emulator.ResumeBulkJobs();
        await org.WaitAsync(id, "query");
        var otherVersion = await org.GetAsync($"/services/data/v63.0/jobs/query/{id}/results");
        var badLocator = await org.GetAsync($"{V}/jobs/query/{id}/results?locator=!!");

        Assert.Equal((HttpStatusCode.PreconditionFailed, "JOB_NOT_COMPLETE"), (early.Status, early.ErrorCode));
        Assert.Contains("Current status: UPLOAD_COMPLETE", (string)early.SingleError()["message"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, otherVersion.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_QUERY_LOCATOR"), (badLocator.Status, badLocator.ErrorCode));
    }

    [Fact]
    public async Task Queries_Bulk_API_2_cannot_run_are_refused_at_creation()
    {
        await using var org = await TestOrg.StartAsync();

        async Task<Reply> Create(string soql) => await org.PostAsync($"{V}/jobs/query", new JsonObject { ["operation"] = "query", ["query"] = soql });
        var malformed = await Create("SELECT Id FRM Product2");
        var unknownField = await Create("SELECT Colour__c FROM Product2");
        var count = await Create("SELECT COUNT() FROM Product2");
        var offset = await Create("SELECT Id FROM Product2 OFFSET 5");
        var compound = await Create("SELECT BillingAddress FROM Account");
        var tooLong = await Create("SELECT Id FROM Product2 WHERE Name IN (" + string.Join(",", Enumerable.Repeat("'abcdefghij'", 8400)) + ")");

        Assert.Equal((HttpStatusCode.BadRequest, "MALFORMED_QUERY"), (malformed.Status, malformed.ErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_FIELD"), (unknownField.Status, unknownField.ErrorCode));
        Assert.All([count, offset, compound], reply => Assert.Equal((HttpStatusCode.BadRequest, "INVALIDJOB"), (reply.Status, reply.ErrorCode)));
        Assert.Equal((HttpStatusCode.BadRequest, "MALFORMED_QUERY"), (tooLong.Status, tooLong.ErrorCode));
        Assert.Equal(0, org.Emulator.CallCount(SalesforceEndpoint.BulkQueryInfo));
    }

    [Fact]
    public async Task A_query_job_can_be_aborted_until_it_finishes()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.PauseBulkJobs();
        var id = await org.CreateQueryAsync("SELECT Id FROM Product2");

        var aborted = await org.SetStateAsync(id, "Aborted", "query");
        org.Emulator.ResumeBulkJobs();
        var info = await org.WaitAsync(id, "query");
        var again = await org.SetStateAsync(id, "Aborted", "query");
        var results = await org.GetAsync($"{V}/jobs/query/{id}/results");

        Assert.Equal("Aborted", (string)aborted.Body!["state"]!);
        Assert.Equal("Aborted", (string)info["state"]!);
        Assert.Equal((HttpStatusCode.BadRequest, "INVALIDJOBSTATE"), (again.Status, again.ErrorCode));
        Assert.Equal((HttpStatusCode.PreconditionFailed, "JOB_NOT_COMPLETE"), (results.Status, results.ErrorCode));
    }
}
