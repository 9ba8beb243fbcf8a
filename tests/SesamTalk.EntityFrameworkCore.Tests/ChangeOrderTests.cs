using Microsoft.Extensions.DependencyInjection;
using SesamTalk.EntityFrameworkCore.Tests.Entities;
using SesamTalk.EntityFrameworkCore.Tests.Harness;
using SesamTalk.Tests.PostgreSql;

namespace SesamTalk.EntityFrameworkCore.Tests;

/// <summary>
/// Change positions follow commit order, never clock order, so no change is hidden behind a cursor. SQLite has one
/// writer: a second stamping transaction waits for the first at BEGIN, where on PostgreSQL it waits at the clock row's
/// lock. Either way the rule the store relies on holds and is what these tests check: no position is handed out while
/// a lower one is uncommitted, so a reader that has seen a position has seen every committed lower one.
/// </summary>
public abstract class ChangeOrderTests : OnEachProvider
{
    [Fact]
    public async Task A_save_and_its_update_are_stamped_and_listed_in_order()
    {
        await using var host = await StartAsync();
        var first = Supplier("NO1");
        var second = Supplier("NO2");
        await using (var context = host.NewContext())
        {
            context.AddRange(first, second);
            await context.SaveChangesAsync();
        }

        var created = await host.ChangesAsync<Supplier>();
        Assert.Equal(new[] { first.Id.ToString(), second.Id.ToString() }.Order(StringComparer.Ordinal), created.Select(change => change.Id).Order(StringComparer.Ordinal));
        await using (var context = host.NewContext())
        {
            (await context.Suppliers.FindAsync(first.Id))!.Name = "renamed";
            await context.SaveChangesAsync();
        }

        var updated = Assert.Single(await host.ChangesAsync<Supplier>(created[^1].Position));
        Assert.Equal(first.Id.ToString(), updated.Id);
        Assert.Equal("renamed", updated.Entity!.Name);
    }

    [Fact]
    public async Task A_transaction_that_stamps_second_waits_for_the_first_and_commits_after_it_even_with_its_clock_behind()
    {
        await using var host = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        var early = Supplier("NO-EARLY");
        var late = Supplier("NO-LATE");

        await using var firstContext = host.NewContext(new FixedClock(now));
        await using var firstTransaction = await firstContext.Database.BeginTransactionAsync();
        firstContext.Add(early);
        await firstContext.SaveChangesAsync(); // stamped inside the host's own transaction, not committed yet

        // The second writer's clock is an hour behind: its position must still come after the first's.
        var second = Task.Run(async () =>
        {
            await using var secondContext = host.NewContext(new FixedClock(now.AddHours(-1)));
            secondContext.Add(late);
            await secondContext.SaveChangesAsync();
        });
        await Task.Delay(500);
        Assert.False(second.IsCompleted, "the second stamping transaction did not wait for the first");
        Assert.Empty(await host.ChangesAsync<Supplier>());

        await firstTransaction.CommitAsync();
        await second;

        var changes = await host.ChangesAsync<Supplier>();
        Assert.Equal([early.Id.ToString(), late.Id.ToString()], changes.Select(change => change.Id).ToArray());
        Assert.True(changes[1].Position.ModifiedAt > changes[0].Position.ModifiedAt);
        Assert.Equal(late.Id.ToString(), Assert.Single(await host.ChangesAsync<Supplier>(changes[0].Position)).Id);
    }

    [Fact]
    public async Task A_change_committed_after_a_reader_read_sorts_after_the_readers_cursor()
    {
        await using var host = await StartAsync();
        var committed = Supplier("NO-1");
        var pending = Supplier("NO-2");
        await using (var context = host.NewContext())
        {
            context.Add(committed);
            await context.SaveChangesAsync();
        }

        await using var writer = host.NewContext();
        await using var transaction = await writer.Database.BeginTransactionAsync();
        writer.Add(pending);
        await writer.SaveChangesAsync();

        var read = Assert.Single(await host.ChangesAsync<Supplier>()); // the engine reads while the host's transaction is open
        Assert.Equal(committed.Id.ToString(), read.Id);
        await transaction.CommitAsync();

        Assert.Equal(pending.Id.ToString(), Assert.Single(await host.ChangesAsync<Supplier>(read.Position)).Id);
    }

    [Fact]
    public async Task Positions_stay_ahead_of_the_wall_clock_and_never_go_back_when_it_does()
    {
        await using var host = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        foreach (var (vat, clock) in new[] { ("A", now), ("B", now.AddMinutes(-5)), ("C", now.AddMinutes(1)) })
        {
            await using var context = host.NewContext(new FixedClock(clock));
            context.Add(Supplier(vat));
            await context.SaveChangesAsync();
        }

        var positions = (await host.ChangesAsync<Supplier>()).Select(change => change.Position.ModifiedAt).ToList();
        Assert.Equal(now, positions[0]);
        Assert.Equal(now.AddTicks(1), positions[1]); // the clock went back: one tick after the last position
        Assert.Equal(now.AddMinutes(1), positions[2]); // latest-wins still compares real times
    }

    private static Supplier Supplier(string vat) => new() { Id = Guid.NewGuid(), VatNumber = vat, Name = "Supplier " + vat };
}

/// <summary>The tests on a SQLite file.</summary>
public sealed class ChangeOrderOnSqliteTests : ChangeOrderTests
{
    protected override Task<EfHost> StartAsync(Action<IServiceCollection>? configure = null) => EfHost.StartAsync(configure);
}

/// <summary>The tests on a database of their own on the run's PostgreSQL server.</summary>
[Collection(UsesPostgreSqlServer.Collection)]
public sealed class ChangeOrderOnPostgreSqlTests(PostgreSqlServer server) : ChangeOrderTests
{
    protected override Task<EfHost> StartAsync(Action<IServiceCollection>? configure = null) => EfHost.StartOnAsync(server, configure);
}
