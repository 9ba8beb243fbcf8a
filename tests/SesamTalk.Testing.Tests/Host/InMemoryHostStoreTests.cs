using SesamTalk.Testing.Host;

namespace SesamTalk.Testing.Tests.Host;

public class InMemoryHostStoreTests
{
    private sealed class Product
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";
    }

    private static InMemoryHostStore<Product> Store(TimeProvider? time = null) => new(p => p.Id, (p, id) => p.Id = id, time);

    [Fact]
    public async Task Saves_assign_ids_and_changes_stream_in_cursor_order_with_deletions()
    {
        var store = Store();
        var hammer = new Product { Name = "Hammer" };
        await store.SaveAsync(hammer, default);
        var saw = new Product { Name = "Saw" };
        await store.SaveAsync(saw, default);
        await store.DeleteAsync(hammer.Id, default);

        var changes = await store.GetChangesAsync(null, default).ToListAsync();

        Assert.Equal("000001", hammer.Id);
        Assert.Equal([saw.Id, hammer.Id], changes.Select(c => c.Id));
        Assert.True(changes[1].IsDeleted);
        Assert.Null(await store.GetAsync(hammer.Id, default));
        Assert.Same(saw, await store.GetAsync(saw.Id, default));
    }

    [Fact]
    public async Task A_cursor_resumes_after_the_last_change_even_when_the_clock_stands_still()
    {
        var frozen = new FrozenClock();
        var store = Store(frozen);
        for (var i = 0; i < 10; i++)
        {
            await store.SaveAsync(new Product { Name = $"P{i}" }, default);
        }

        var first = await store.GetChangesAsync(null, default).Take(4).ToListAsync();
        await store.SaveAsync(new Product { Name = "Added while reading" }, default);
        var rest = await store.GetChangesAsync(first[^1].Position, default).ToListAsync();

        Assert.Equal(7, rest.Count);
        Assert.Equal("Added while reading", (await store.GetAsync(rest[^1].Id, default))!.Name);
        Assert.All(rest, change => Assert.True(change.Position > first[^1].Position));
    }

    [Fact]
    public void Cursors_round_trip_through_their_text_form_and_order_by_time_then_id()
    {
        var at = new DateTimeOffset(2024, 9, 10, 14, 20, 17, 123, TimeSpan.FromHours(2));
        var cursor = new HostCursor(at, "id|with|bars");

        Assert.Equal(cursor, HostCursor.Parse(cursor.ToString()));
        Assert.True(new HostCursor(at, "a") < new HostCursor(at, "b"));
        Assert.True(new HostCursor(at, "z") < new HostCursor(at.AddTicks(1), "a"));
        Assert.Throws<FormatException>(() => HostCursor.Parse("yesterday"));
    }

    private sealed class FrozenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2024, 9, 10, 12, 0, 0, TimeSpan.Zero);
    }
}
