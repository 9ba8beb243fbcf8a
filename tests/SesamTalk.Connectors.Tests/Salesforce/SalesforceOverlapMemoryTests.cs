using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>The overlap memory of a read that delivers many sets before it writes its cursor (a query job's, in no order).</summary>
public class SalesforceOverlapMemoryTests
{
    private static readonly DateTimeOffset Start = new(2024, 9, 10, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_read_of_fifty_thousand_records_in_no_order_holds_only_the_pairs_a_cursor_can_carry_and_writes_the_cursor_it_would_without_forgetting()
    {
        // 100 seconds of 500 records each, all inside the two-minute window: only the latest second and the 5,000 before it can go in a cursor.
        var records = Enumerable.Range(0, 50_000).Select(i => Record(i, second: i % 100)).ToList();
        var memory = SalesforceOverlapMemory.Read(null, TimeSpan.FromMinutes(2));
        var largest = 0;
        foreach (var set in records.OrderBy(_ => Random.Shared.Next()).Chunk(1_000))
        {
            memory.Remember(set);
            largest = Math.Max(largest, memory.Count);
        }

        var latest = records.Select(SalesforceChangeCursor.After).Aggregate((a, b) => SalesforceChangeCursor.Latest(a, b));
        var kept = SalesforceOverlapMemory.Read(null, TimeSpan.FromMinutes(2));
        kept.Remember(records.OrderByDescending(r => r.ModifiedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).Take(500 + SalesforceOverlapMemory.Capacity));

        Assert.True(largest <= (4 * SalesforceOverlapMemory.Capacity) + 1_000, $"the memory held {largest:N0} pairs");
        Assert.Equal(kept.Cursor(latest), memory.Cursor(latest));
    }

    [Fact]
    public void Where_the_capacity_runs_out_inside_a_second_the_cursor_carries_that_seconds_greatest_ids()
    {
        // 30 seconds of 300 records, the last at the cursor's own stamp: the 16 seconds before it fill 4,800 of the
        // capacity, and the 17th gives its 200 greatest ids.
        var records = Enumerable.Range(0, 9_000).Select(i => Record(i, second: i / 300)).ToList();
        var memory = SalesforceOverlapMemory.Read(null, TimeSpan.FromMinutes(2));
        memory.Remember(records);

        var carried = SalesforceOverlapMemory.Read(memory.Cursor(SalesforceChangeCursor.After(records[^1])), TimeSpan.FromMinutes(2));

        var expected = records.Where(record => record.ModifiedAt < Start.AddSeconds(29))
            .OrderByDescending(record => record.ModifiedAt).ThenByDescending(record => record.Id, StringComparer.Ordinal)
            .Take(SalesforceOverlapMemory.Capacity).Select(record => record.Id!);
        Assert.Equal(expected.Order(StringComparer.Ordinal), records.Except(carried.Unseen(records)).Select(record => record.Id!).Order(StringComparer.Ordinal));
    }

    private static SyncRecord Record(int i, int second) =>
        new("Product2", $"01t000000{i:D6}AAA") { ModifiedAt = Start.AddSeconds(second) };
}
