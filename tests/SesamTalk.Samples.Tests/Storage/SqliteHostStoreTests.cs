using Microsoft.Data.Sqlite;
using SesamTalk.Samples.Customwebshop;
using SesamTalk.Samples.Customwebshop.Storage;

namespace SesamTalk.Samples.Tests.Storage;

/// <summary>The shared SQLite host store, on real temp files, through the webshop's store.</summary>
public sealed class SqliteHostStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 9, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _file = new();
    private readonly ManualClock _clock = new(Start);

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Changes_come_in_stamp_then_id_order_and_a_cursor_resumes_after_its_position()
    {
        var store = await OpenAsync();
        var ids = new List<string>();
        foreach (var name in new[] { "Alpha", "Bravo", "Charlie" })
        {
            _clock.Set(Start.AddMinutes(ids.Count));
            ids.Add(await store.Customers.SaveAsync(new Customer { Name = name }, CancellationToken.None));
        }

        _clock.Set(Start.AddMinutes(10));
        var alpha = (await store.Customers.GetAsync(ids[0], CancellationToken.None))!;
        alpha.Name = "Alpha 2";
        await store.Customers.SaveAsync(alpha, CancellationToken.None);

        var all = await ReadAsync(store.Customers, after: null);
        Assert.Equal([ids[1], ids[2], ids[0]], all.Select(c => c.Id));
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(2), Start.AddMinutes(10)], all.Select(c => c.Position.ModifiedAt));
        Assert.Equal("Alpha 2", all[^1].Entity!.Name);
        Assert.Equal([ids[2], ids[0]], (await ReadAsync(store.Customers, all[0].Position)).Select(c => c.Id));
    }

    [Fact]
    public async Task Records_sharing_a_stamp_are_ordered_by_id_and_none_is_lost_at_a_cursor_among_them()
    {
        var store = await OpenAsync();
        var stamp = Start.AddHours(1);
        // An import that wrote the table directly gave three records one stamp; the store itself never does.
        await using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO customers (id, stamp, body) VALUES ('c', $s, '{\"Id\":\"c\",\"Name\":\"C\"}'), ('a', $s, '{\"Id\":\"a\",\"Name\":\"A\"}'), ('b', $s, NULL)";
            insert.Parameters.AddWithValue("$s", stamp.UtcTicks);
            await insert.ExecuteNonQueryAsync();
        }

        var all = await ReadAsync(store.Customers, after: null);
        Assert.Equal(["a", "b", "c"], all.Select(c => c.Id));
        Assert.All(all, change => Assert.Equal(stamp, change.Position.ModifiedAt));
        Assert.True(all[1].IsDeleted);

        Assert.Equal(["b", "c"], (await ReadAsync(store.Customers, new HostCursor(stamp, "a"))).Select(c => c.Id));

        _clock.Set(Start); // the clock is behind the imported stamp: the next save still sorts after it
        var id = await store.Customers.SaveAsync(new Customer { Name = "D" }, CancellationToken.None);
        var after = Assert.Single(await ReadAsync(store.Customers, all[^1].Position));
        Assert.Equal(id, after.Id);
        Assert.Equal(stamp.AddTicks(1), after.Position.ModifiedAt);
    }

    [Fact]
    public async Task A_delete_leaves_a_tombstone_once_and_the_record_is_gone()
    {
        var store = await OpenAsync();
        var id = await store.Customers.SaveAsync(new Customer { Name = "Gone soon" }, CancellationToken.None);
        var saved = Assert.Single(await ReadAsync(store.Customers, after: null));

        await store.Customers.DeleteAsync(id, CancellationToken.None);
        await store.Customers.DeleteAsync(id, CancellationToken.None);
        await store.Customers.DeleteAsync("no-such-id", CancellationToken.None);

        Assert.Null(await store.Customers.GetAsync(id, CancellationToken.None));
        var tombstone = Assert.Single(await ReadAsync(store.Customers, saved.Position));
        Assert.Equal(id, tombstone.Id);
        Assert.True(tombstone.IsDeleted);
        Assert.Null(tombstone.Entity);
        Assert.True(tombstone.Position > saved.Position);
        Assert.Empty(await ReadAsync(store.Customers, tombstone.Position));
    }

    [Fact]
    public async Task A_save_during_a_read_sorts_after_the_readers_cursor_across_pages()
    {
        var store = await OpenAsync(); // the clock stands still: every stamp is one tick after the last
        for (var i = 0; i < 300; i++)
        {
            await store.Customers.SaveAsync(new Customer { Name = "Customer " + i }, CancellationToken.None);
        }

        var seen = new List<HostChange<Customer>>();
        string? edited = null;
        await foreach (var change in store.Customers.GetChangesAsync(null, CancellationToken.None))
        {
            seen.Add(change);
            if (seen.Count == 100)
            {
                // Edit a record the reader has passed already, while the read is under way.
                var first = seen[0].Entity!;
                first.Name = "Edited during the read";
                edited = await store.Customers.SaveAsync(first, CancellationToken.None);
                Assert.True((await ReadAsync(store.Customers, change.Position)).Single(c => c.Id == edited).Position > change.Position);
            }
        }

        Assert.Equal(301, seen.Count);
        Assert.Equal(seen.Select(c => c.Position).Order(), seen.Select(c => c.Position));
        Assert.Equal(edited, seen[^1].Id);
        Assert.Equal("Edited during the read", seen[^1].Entity!.Name);
    }

    [Fact]
    public async Task Reopening_the_file_keeps_records_stamps_and_the_id_sequence()
    {
        var first = await OpenAsync();
        Assert.True(await CustomwebshopDemoData.SeedAsync(first, CancellationToken.None));
        var before = await ReadAsync(first.Orders, after: null);

        var reopened = await OpenAsync();
        var after = await ReadAsync(reopened.Orders, after: null);

        Assert.False(await CustomwebshopDemoData.SeedAsync(reopened, CancellationToken.None));
        Assert.Equal(before.Select(c => c.Position), after.Select(c => c.Position));
        var order = after[1].Entity!;
        Assert.Equal("WS-1002", order.Number);
        Assert.Equal(new DateOnly(2024, 9, 5), order.OrderDate);
        Assert.Equal(["1002-1", "1002-2", "1002-3"], order.Lines.Select(l => l.Id));
        Assert.All(order.Lines, line => Assert.Equal(order.Id, line.OrderId));
        Assert.Equal(12.5m, order.Lines[1].DiscountPercent);
        Assert.Equal("000004", await reopened.Orders.SaveAsync(new Order { Number = "WS-1004" }, CancellationToken.None));
    }

    [Fact]
    public async Task The_demo_data_is_the_same_on_every_run()
    {
        var first = await OpenAsync();
        await CustomwebshopDemoData.SeedAsync(first, CancellationToken.None);
        using var other = new TempDatabase();
        var second = await CustomwebshopStore.OpenAsync(other.Path, new ManualClock(Start.AddDays(3)), CancellationToken.None);
        await CustomwebshopDemoData.SeedAsync(second, CancellationToken.None);

        var customers = await ReadAsync(first.Customers, after: null);
        Assert.Equal(4, customers.Count);
        Assert.Equal(
            customers.Select(c => (c.Id, c.Entity!.CustomerNumber, c.Entity.Name, c.Entity.CountryCode)),
            (await ReadAsync(second.Customers, after: null)).Select(c => (c.Id, c.Entity!.CustomerNumber, c.Entity.Name, c.Entity.CountryCode)));
        var orders = await ReadAsync(first.Orders, after: null);
        Assert.Equal(["WS-1001", "WS-1002", "WS-1003"], orders.Select(o => o.Entity!.Number));
        Assert.Equal(customers[1].Id, orders[1].Entity!.CustomerId);
        Assert.Equal(5, (await ReadAsync(first.Products, after: null)).Count);
    }

    private Task<CustomwebshopStore> OpenAsync() => CustomwebshopStore.OpenAsync(_file.Path, _clock, CancellationToken.None);

    private static async Task<List<HostChange<T>>> ReadAsync<T>(IHostStore<T> store, HostCursor? after)
        where T : class
    {
        var changes = new List<HostChange<T>>();
        await foreach (var change in store.GetChangesAsync(after, CancellationToken.None))
        {
            changes.Add(change);
        }

        return changes;
    }
}
