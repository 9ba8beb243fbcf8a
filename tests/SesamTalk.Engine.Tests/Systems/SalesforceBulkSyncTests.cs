using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Systems;

/// <summary>
/// The engine with the Salesforce connector's Bulk API 2.0 path: thousands of products each way in a handful of calls,
/// the next cycle quiet, and a crash mid-job costing no duplicate.
/// </summary>
public sealed class SalesforceBulkSyncTests
{
    private const int Products = 5_000;

    [Fact]
    public async Task Five_thousand_host_parts_reach_Salesforce_in_one_ingest_job_and_the_next_cycle_writes_nothing()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        await using var host = Host(salesforce);
        for (var i = 0; i < Products; i++)
        {
            await host.Store.SaveAsync(new Part { Code = $"P-{i:D5}", Name = $"Part {i}", Description = i % 3 == 0 ? null : $"  Part {i}, trimmed by Salesforce  " }, default);
        }

        var load = (await host.Talk.Parts.SyncAsync()).Flows.Single();

        Assert.False(load.Stopped, load.StopReason);
        Assert.Equal(Products, load.Created);
        Assert.Equal(1, salesforce.CallCount(SalesforceEndpoint.BulkIngestCreate));
        Assert.Equal(0, salesforce.CallCount(SalesforceEndpoint.CollectionCreate));
        Assert.Equal(Products, salesforce.GetRecords("Product2").Select(p => (string)p["ProductCode"]!).Distinct().Count());
        Assert.True(load.ApiCalls <= 25, $"{load.ApiCalls} calls to write {Products} products"); // sObject Collections alone would take 25 calls for the writes

        salesforce.ResetCallCounts();
        var echo = (await host.Talk.Parts.SyncAsync()).Flows.Single();
        Assert.False(echo.Stopped, echo.StopReason);
        Assert.Equal(0, echo.Created + echo.Updated + echo.Deleted + echo.Quarantined);
        Assert.Equal(0, salesforce.CallCount(SalesforceEndpoint.BulkIngestCreate) + salesforce.CallCount(SalesforceEndpoint.CollectionUpdate));
        Assert.Equal(1, salesforce.CallCount(SalesforceEndpoint.BulkQueryCreate)); // the echoes past the first REST page
    }

    [Fact]
    public async Task Five_thousand_Salesforce_products_reach_the_host_through_a_query_job_and_the_next_cycle_writes_nothing()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        await using var host = Host(salesforce);
        for (var i = 0; i < Products; i++)
        {
            salesforce.Seed("Product2", new JsonObject { ["Name"] = $"Made in Salesforce {i}", ["ProductCode"] = $"SF-{i:D5}", ["IsActive"] = i % 2 == 0 });
        }

        var load = (await host.Talk.Parts.SyncAsync()).Flows.Single();

        Assert.False(load.Stopped, load.StopReason);
        Assert.Equal(Products, load.Created);
        Assert.Equal(Products, host.Store.Records.Count);
        Assert.Equal(Products / 2, host.Store.Records.Count(part => part.Active));
        Assert.Equal((1, 1), (salesforce.CallCount(SalesforceEndpoint.Query), salesforce.CallCount(SalesforceEndpoint.BulkQueryCreate)));
        Assert.True(load.ApiCalls <= 10, $"{load.ApiCalls} calls to read {Products} products");

        salesforce.ResetCallCounts();
        var quiet = (await host.Talk.Parts.SyncAsync()).Flows.Single();
        Assert.Equal(0, quiet.Created + quiet.Updated + quiet.Deleted + quiet.Quarantined);
        Assert.Equal(0, salesforce.CallCount(SalesforceEndpoint.BulkIngestCreate) + salesforce.CallCount(SalesforceEndpoint.CollectionCreate) + salesforce.CallCount(SalesforceEndpoint.CollectionUpdate));
    }

    [Fact]
    public async Task A_crash_between_closing_the_job_and_reading_its_results_creates_no_part_twice()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        await using var host = Host(salesforce, options => options.BulkJobTimeout = TimeSpan.FromMilliseconds(500));
        for (var i = 0; i < Products; i++)
        {
            await host.Store.SaveAsync(new Part { Code = $"P-{i:D5}", Name = $"Part {i}" }, default);
        }

        salesforce.PauseBulkJobs(); // the job waits in the queue past the connector's patience: the cycle stops after the close
        var stopped = (await host.Talk.Parts.SyncAsync()).Flows.Single();
        salesforce.ResumeBulkJobs();
        var cycles = await host.SyncUntilCleanAsync(talk => talk.Parts.SyncAsync());

        Assert.True(stopped.Stopped);
        Assert.Equal(Products, salesforce.GetRecords("Product2").Count);
        Assert.Equal(1, salesforce.CallCount(SalesforceEndpoint.BulkIngestUpload));
        foreach (var part in host.Store.Records)
        {
            Assert.Single(await host.Talk.Parts.GetLinksAsync(part.Id));
        }

        Assert.Empty(await host.Links.ListOpenIntentsAsync(new Connectors.LinkStore.SyncFlowId("Part", new SyncTarget("Salesforce", "Product2"))));
        Assert.Equal(0, cycles[^1].Quarantined);
    }

    [Fact]
    public async Task Lost_answers_throttling_a_cut_off_result_file_and_an_expired_session_on_the_bulk_path_lose_or_duplicate_no_part()
    {
        await using var salesforce = await SalesforceEmulator.StartAsync();
        await using var host = Host(salesforce);
        for (var i = 0; i < Products; i++)
        {
            await host.Store.SaveAsync(new Part { Code = $"P-{i:D5}", Name = $"Part {i}" }, default);
        }

        salesforce.Inject(SalesforceFault.ExpireSession().On(SalesforceEndpoint.BulkIngestCreate));
        salesforce.Inject(SalesforceFault.LoseResponse().On(SalesforceEndpoint.BulkIngestUpload)); // the data arrived, the answer did not
        salesforce.Inject(SalesforceFault.LoseResponse().On(SalesforceEndpoint.BulkIngestState)); // the close went through
        salesforce.Inject(SalesforceFault.TooManyRequests(TimeSpan.FromMilliseconds(10)).On(SalesforceEndpoint.BulkIngestInfo).Times(2));
        salesforce.Inject(SalesforceFault.MalformedBody().On(SalesforceEndpoint.BulkIngestResults)); // half a result file
        salesforce.Inject(SalesforceFault.ServerError().On(SalesforceEndpoint.BulkQueryCreate));

        var cycles = await host.SyncUntilCleanAsync(talk => talk.Parts.SyncAsync());

        Assert.Contains(cycles, cycle => cycle.Stopped);
        var codes = salesforce.GetRecords("Product2").Select(record => (string?)record["ProductCode"]).ToList();
        Assert.Equal(Products, codes.Count);
        Assert.Equal(Products, codes.Distinct().Count());
        Assert.Equal(Products, host.Store.Records.Count);
        var flow = new Connectors.LinkStore.SyncFlowId("Part", new SyncTarget("Salesforce", "Product2"));
        Assert.Empty(await host.Links.ListOpenIntentsAsync(flow));
        Assert.Empty(await host.Links.ListQuarantinedAsync(flow));
        var quiet = (await host.Talk.Parts.SyncAsync()).Flows.Single();
        Assert.Equal(0, quiet.Created + quiet.Updated + quiet.Deleted + quiet.Quarantined);
        Assert.Equal(Products, quiet.Linked);
    }

    private static SystemHost<Part> Host(SalesforceEmulator salesforce, Action<Connectors.Salesforce.SalesforceOptions>? configure = null) =>
        SalesforceConnection.Host<Part>(salesforce, p => p.Id, (p, id) => p.Id = id, configure: configure);
}
