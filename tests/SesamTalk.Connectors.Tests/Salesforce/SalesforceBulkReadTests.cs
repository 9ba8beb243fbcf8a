using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>
/// The connector's Bulk API 2.0 read path: a change read with more than the threshold left after its first REST page
/// reads the rest through one query job, and bulk reads give exactly the records REST reads give.
/// </summary>
public class SalesforceBulkReadTests
{
    private static readonly DateTimeOffset Noon = new(2024, 9, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly FieldListMapper Products = new("Salesforce", "Product2", "Name", "ProductCode");

    private static readonly FieldListMapper Orders = new(
        "Salesforce", "Order", "Name", "AccountId", "EffectiveDate", "EndDate", "Status", "Description", "IsReductionOrder",
        "ActivatedDate", "TotalAmount", "BillingLatitude", "PoNumber");

    [Fact]
    public async Task An_initial_load_reads_its_first_page_through_REST_and_the_rest_through_one_query_job_in_sets()
    {
        await using var org = await StartWithProductsAsync(bulkBatchSize: 1_500, products: 5_000);

        var pages = await org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).ToListAsync();

        Assert.Equal([2_000, 1_500, 1_500], pages.Select(p => p.Records.Count));
        Assert.Equal(5_000, pages.SelectMany(p => p.Records).Select(r => r.Id).Distinct().Count());
        Assert.Equal(pages[0].Cursor, pages[1].Cursor); // sets come in no order: only the last moves the cursor on
        var latest = pages.SelectMany(p => p.Records).MaxBy(r => (r.ModifiedAt, r.Id), Comparer<(DateTimeOffset?, string?)>.Create((a, b) => a.Item1 != b.Item1 ? Nullable.Compare(a.Item1, b.Item1) : string.CompareOrdinal(a.Item2, b.Item2)))!;
        Assert.Equal($"2024-09-10T12:00:06.000+0000/{latest.Id}", pages[2].Cursor);
        Assert.Equal((1, 1, 2), (org.Emulator.CallCount(SalesforceEndpoint.Query), org.Emulator.CallCount(SalesforceEndpoint.BulkQueryCreate), org.Emulator.CallCount(SalesforceEndpoint.BulkQueryResults)));
        Assert.Empty(await org.Connector.ReadChangesAsync(Products, pages[^1].Cursor, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_set_of_query_results_larger_than_a_REST_page_comes_in_pages_of_2000_from_one_call()
    {
        await using var org = await StartWithProductsAsync(bulkBatchSize: 5_000, products: 7_000);

        var pages = await org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).ToListAsync();

        Assert.Equal([2_000, 2_000, 2_000, 1_000], pages.Select(p => p.Records.Count));
        Assert.Equal(7_000, pages.SelectMany(p => p.Records).Select(r => r.Id).Distinct().Count());
        Assert.Equal(1, org.Emulator.CallCount(SalesforceEndpoint.BulkQueryResults));
        Assert.Equal(pages[0].Cursor, pages[2].Cursor); // the set's pages keep the cursor from before the job: only the last moves it on
    }

    [Fact]
    public async Task A_query_job_gives_the_same_records_as_REST_dates_numbers_booleans_nulls_references_and_tombstones_alike()
    {
        await using var rest = await SalesforceOrg.StartAsync(options => options.BulkThreshold = 0);
        var account = rest.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme" });
        var ids = new List<string>();
        for (var i = 0; i < 2_100; i++)
        {
            ids.Add(rest.Emulator.Seed("Order", new JsonObject
            {
                ["Name"] = i % 5 == 0 ? null : $"Order \"{i}\", with a comma\nand a line",
                ["AccountId"] = account,
                ["EffectiveDate"] = "2024-09-10",
                ["EndDate"] = i % 3 == 0 ? null : "2025-01-31",
                ["Status"] = "Draft",
                ["IsReductionOrder"] = i % 2 == 0,
                ["ActivatedDate"] = i % 4 == 0 ? null : "2024-09-11T08:30:05.000+0000",
                ["TotalAmount"] = i % 6 == 0 ? null : (i * 10.25) + 0.001,
                ["BillingLatitude"] = -33.8688,
                ["PoNumber"] = i % 7 == 0 ? "  " : "PO-" + i,
            }, Noon.AddSeconds(i % 11)));
        }

        foreach (var id in ids.Where((_, i) => i % 50 == 0))
        {
            rest.Emulator.Delete(id, Noon.AddMinutes(1));
        }

        var restRead = (await rest.Connector.ReadChangesAsync(Orders, null, CancellationToken.None).ToListAsync()).SelectMany(p => p.Records).ToDictionary(r => r.Id!);
        await using var bulk = await BulkView(rest);
        var bulkPages = await bulk.Connector.ReadChangesAsync(Orders, null, CancellationToken.None).ToListAsync();
        var bulkRead = bulkPages.SelectMany(p => p.Records).ToDictionary(r => r.Id!);
        var bulkMany = await bulk.Connector.GetManyAsync(Orders, ids, CancellationToken.None);

        Assert.Equal(1, bulk.Emulator.CallCount(SalesforceEndpoint.BulkQueryCreate) - 1); // one for the change read, one for GetMany
        Assert.Equal(restRead.Count, bulkRead.Count);
        Assert.Equal(2_100, bulkMany.Count);
        foreach (var record in bulkRead.Values.Concat(bulkMany))
        {
            AssertSame(restRead[record.Id!], record);
        }

        Assert.Contains(bulkRead.Values, r => r.IsDeleted);
    }

    [Fact]
    public async Task Searches_and_reads_by_id_of_more_values_than_the_threshold_go_through_query_jobs_of_up_to_100000_characters()
    {
        await using var org = await SalesforceOrg.StartAsync(options => options.BulkThreshold = 1_000);
        var ids = Enumerable.Range(0, 5_000).Select(i => org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{i}", ["ProductCode"] = $"CODE-{i}" })).ToList();

        var found = await org.Connector.SearchAsync(Products, "ProductCode", [.. Enumerable.Range(0, 3_000).Select(i => SyncValue.From($"CODE-{i * 2}"))], CancellationToken.None);
        var read = await org.Connector.GetManyAsync(Products, ids, CancellationToken.None);

        Assert.Equal(2_500, found.Select(r => r.Id).Distinct().Count()); // the even codes of the 5,000 there are
        Assert.Equal(5_000, read.Count);
        Assert.Equal(0, org.Emulator.CallCount(SalesforceEndpoint.Query));
        Assert.InRange(org.Emulator.CallCount(SalesforceEndpoint.BulkQueryCreate), 3, 4); // 3,000 codes fit one job; 5,000 ids two
    }

    /// <summary>An org whose connector reads through query jobs above 1,000 records, with products stamped over seven seconds from noon.</summary>
    private static async Task<SalesforceOrg> StartWithProductsAsync(int bulkBatchSize, int products)
    {
        var org = await SalesforceOrg.StartAsync(options =>
        {
            options.BulkThreshold = 1_000;
            options.BulkBatchSize = bulkBatchSize;
        });
        for (var i = 0; i < products; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{i}", ["ProductCode"] = $"C{i}" }, Noon.AddSeconds(i % 7));
        }

        return org;
    }

    /// <summary>A second connector on the same org that reads through query jobs above 50 records.</summary>
    private static Task<SalesforceOrg> BulkView(SalesforceOrg rest) => SalesforceOrg.StartOnAsync(rest.Emulator, options => options.BulkThreshold = 50);

    private static void AssertSame(SyncRecord expected, SyncRecord actual)
    {
        Assert.Equal((expected.Id, expected.ModifiedAt, expected.IsDeleted), (actual.Id, actual.ModifiedAt, actual.IsDeleted));
        Assert.Equal(expected.FieldNames.Order(StringComparer.Ordinal), actual.FieldNames.Order(StringComparer.Ordinal));
        foreach (var field in expected.FieldNames)
        {
            Assert.True(expected[field].Kind == actual[field].Kind && Equals(expected[field], actual[field]), $"{expected.Id}.{field}: REST {expected[field].Kind} {expected[field]}, bulk {actual[field].Kind} {actual[field]}");
            Assert.Equal(expected[field].ToString(), actual[field].ToString());
        }
    }
}
