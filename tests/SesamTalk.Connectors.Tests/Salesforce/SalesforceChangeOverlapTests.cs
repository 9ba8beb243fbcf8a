using System.Text.Json.Nodes;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>
/// Change reads with the default overlap: a read starts two minutes before its cursor, and the cursor's memory of the
/// records it delivered inside those two minutes keeps them from coming again, while late commits and new edits come.
/// </summary>
public class SalesforceChangeOverlapTests
{
    private static readonly DateTimeOffset Noon = new(2024, 9, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly FieldListMapper Products = new("Salesforce", "Product2", "Name");

    [Fact]
    public async Task A_read_when_nothing_changed_delivers_only_the_cursors_own_second_with_the_calls_of_an_empty_read()
    {
        await using var org = await StartAsync();
        var cursor = await ReadAsync(org, null, "A", "B", "C");

        var usage = org.Emulator.ApiUsage;
        var again = await org.Connector.ReadChangesAsync(Products, cursor, CancellationToken.None).ToListAsync();
        var calls = org.Emulator.ApiUsage - usage;
        usage = org.Emulator.ApiUsage;
        var empty = await org.Connector.ReadChangesAsync(Products, "2030-01-01T00:00:00.000+0000/01t000000000000AAA", CancellationToken.None).ToListAsync();

        // C is the cursor's own record: an edit in the second it was read in would carry the same stamp, so its second is re-read.
        Assert.Equal(["C"], again.SelectMany(page => page.Records).Select(record => record["Name"].AsString()!));
        Assert.Empty(empty);
        Assert.Equal(org.Emulator.ApiUsage - usage, calls);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_record_committed_late_with_an_older_stamp_and_a_record_edited_again_are_delivered_and_remembered()
    {
        await using var org = await StartAsync();
        var cursor = await ReadAsync(org, null, "A", "B", "C");
        var a = org.Emulator.GetRecords("Product2").Single(record => record["Name"]!.GetValue<string>() == "A")["Id"]!.GetValue<string>();

        var late = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Late" }, Noon.AddSeconds(-45));
        org.Emulator.Edit(a, new JsonObject { ["Name"] = "A, edited" }, Noon.AddSeconds(-10));
        var next = await ReadAsync(org, cursor, "Late", "A, edited", "C");
        var last = await ReadAsync(org, next, "C");

        Assert.Contains(late, next, StringComparison.Ordinal);
        Assert.Contains(a, last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_from_before_the_memory_re_reads_the_window_once()
    {
        await using var org = await StartAsync();
        var cursor = await ReadAsync(org, null, "A", "B", "C");
        var old = cursor.Split(SalesforceOverlapMemory.Separator)[0];

        var next = await ReadAsync(org, old, "A", "B", "C");
        await ReadAsync(org, next, "C");

        Assert.NotEqual(old, cursor);
        Assert.Equal(cursor, next);
    }

    [Fact]
    public async Task A_window_too_big_for_one_REST_page_is_skipped_through_the_query_job_and_a_late_commit_behind_the_cursor_still_comes()
    {
        await using var org = await SalesforceOrg.StartAsync(options =>
        {
            options.ChangeOverlap = new SalesforceOptions().ChangeOverlap;
            options.BulkThreshold = 100;
        });
        for (var i = 0; i < 3_000; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{i}" }, Noon.AddSeconds((i / 30) - 99));
        }

        var load = await org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).ToListAsync();
        var jobs = org.Emulator.CallCount(SalesforceEndpoint.BulkQueryCreate);

        // The first REST page ends near a minute before the cursor: the late record comes after it, still behind the cursor.
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Late" }, Noon.AddSeconds(-5));
        var again = await org.Connector.ReadChangesAsync(Products, load[^1].Cursor, CancellationToken.None).ToListAsync();

        Assert.Equal(3_000, load.Sum(page => page.Records.Count));
        Assert.Equal(1, jobs);
        Assert.Equal(2, org.Emulator.CallCount(SalesforceEndpoint.BulkQueryCreate));
        Assert.Equal(
            ["Late", .. Enumerable.Range(2_970, 30).Select(i => $"P{i}")],
            again.SelectMany(page => page.Records).Select(record => record["Name"].AsString()!).OrderBy(name => name.Length).ThenBy(name => name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_window_of_more_records_than_the_memory_holds_re_reads_only_its_oldest_ones()
    {
        await using var org = await SalesforceOrg.StartAsync(changeOverlap: new SalesforceOptions().ChangeOverlap);
        var count = SalesforceOverlapMemory.Capacity + 100;
        for (var i = 0; i < count; i++)
        {
            org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{i}" }, Noon.AddSeconds((i / 50) - 110));
        }

        var load = await org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).ToListAsync();
        var again = await org.Connector.ReadChangesAsync(Products, load[^1].Cursor, CancellationToken.None).ToListAsync();

        Assert.Equal(count, load.Sum(page => page.Records.Count));
        Assert.Equal(
            Enumerable.Range(0, 50).Concat(Enumerable.Range(count - 50, 50)).Select(i => $"P{i}").Order(StringComparer.Ordinal),
            again.SelectMany(page => page.Records).Select(record => record["Name"].AsString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_an_overlap_the_cursor_carries_no_memory()
    {
        await using var org = await SalesforceOrg.StartAsync();
        Seed(org);

        var page = await org.Connector.ReadChangesAsync(Products, null, CancellationToken.None).SingleAsync();

        Assert.DoesNotContain(SalesforceOverlapMemory.Separator, page.Cursor);
    }

    private static async Task<SalesforceOrg> StartAsync()
    {
        var org = await SalesforceOrg.StartAsync(changeOverlap: new SalesforceOptions().ChangeOverlap);
        Seed(org);
        return org;
    }

    /// <summary>A, B and C written 90, 30 and 0 seconds before noon: all inside the two-minute overlap of a cursor at C.</summary>
    private static void Seed(SalesforceOrg org)
    {
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "A" }, Noon.AddSeconds(-90));
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "B" }, Noon.AddSeconds(-30));
        org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "C" }, Noon);
    }

    /// <summary>Reads the changes after <paramref name="cursor"/>, checks that they are <paramref name="names"/> in feed order, and returns the last cursor.</summary>
    private static async Task<string> ReadAsync(SalesforceOrg org, string? cursor, params string[] names)
    {
        var pages = await org.Connector.ReadChangesAsync(Products, cursor, CancellationToken.None).ToListAsync();
        Assert.Equal(names, pages.SelectMany(page => page.Records).Select(record => record["Name"].AsString()));
        return pages[^1].Cursor;
    }
}
