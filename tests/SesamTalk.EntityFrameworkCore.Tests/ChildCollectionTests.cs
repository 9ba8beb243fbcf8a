using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using SesamTalk.EntityFrameworkCore.Tests.Entities;
using SesamTalk.EntityFrameworkCore.Tests.Harness;
using SesamTalk.Tests.PostgreSql;

namespace SesamTalk.EntityFrameworkCore.Tests;

/// <summary>Order lines load and save with their order, and a change to a line alone is a change of its order.</summary>
public abstract class ChildCollectionTests : OnEachProvider
{
    [Fact]
    public async Task A_line_changed_by_the_host_alone_makes_its_order_a_change_with_all_its_lines()
    {
        await using var host = await StartAsync();
        var order = new Order { Number = "O-1", Lines = [new OrderLine { Sku = "A", Quantity = 1 }, new OrderLine { Sku = "B", Quantity = 2 }] };
        await using (var context = host.NewContext())
        {
            context.Add(order);
            await context.SaveChangesAsync();
        }

        var cursor = Assert.Single(await host.ChangesAsync<Order>()).Position;
        await using (var context = host.NewContext())
        {
            (await context.Set<OrderLine>().SingleAsync(line => line.Sku == "B")).Quantity = 5; // the order itself is not loaded
            await context.SaveChangesAsync();
        }

        var changed = Assert.Single(await host.ChangesAsync<Order>(cursor));
        Assert.Equal([1m, 5m], changed.Entity!.Lines.OrderBy(line => line.Sku).Select(line => line.Quantity));
        cursor = changed.Position;

        await using (var context = host.NewContext())
        {
            context.Remove(await context.Set<OrderLine>().SingleAsync(line => line.Sku == "A"));
            await context.SaveChangesAsync();
        }

        Assert.Equal(["B"], Assert.Single(await host.ChangesAsync<Order>(cursor)).Entity!.Lines.Select(line => line.Sku));
    }

    [Fact]
    public async Task The_engines_save_updates_adds_and_removes_lines_in_one_save()
    {
        await using var host = await StartAsync();
        var store = host.Store<Order>();
        var id = await store.SaveAsync(new Order { Number = "O-1", Lines = [new OrderLine { Sku = "A", Quantity = 1 }, new OrderLine { Sku = "B", Quantity = 2 }] }, CancellationToken.None);
        var cursor = Assert.Single(await host.ChangesAsync<Order>()).Position;

        var order = (await store.GetAsync(id, CancellationToken.None))!;
        order.Number = "O-1b";
        order.Lines.Single(line => line.Sku == "A").Quantity = 7;
        order.Lines.RemoveAll(line => line.Sku == "B");
        order.Lines.Add(new OrderLine { Sku = "C", Quantity = 3 });
        Assert.Equal(id, await store.SaveAsync(order, CancellationToken.None));

        var saved = Assert.Single(await host.ChangesAsync<Order>(cursor)).Entity!;
        Assert.Equal("O-1b", saved.Number);
        Assert.Equal([("A", 7m), ("C", 3m)], saved.Lines.OrderBy(line => line.Sku).Select(line => (line.Sku, line.Quantity)));
        await using var context = host.NewContext();
        Assert.Equal(2, await context.Set<OrderLine>().CountAsync());
    }
}

/// <summary>The tests on a SQLite file.</summary>
public sealed class ChildCollectionOnSqliteTests : ChildCollectionTests
{
    protected override Task<EfHost> StartAsync(Action<IServiceCollection>? configure = null) => EfHost.StartAsync(configure);
}

/// <summary>The tests on a database of their own on the run's PostgreSQL server.</summary>
[Collection(UsesPostgreSqlServer.Collection)]
public sealed class ChildCollectionOnPostgreSqlTests(PostgreSqlServer server) : ChildCollectionTests
{
    protected override Task<EfHost> StartAsync(Action<IServiceCollection>? configure = null) => EfHost.StartOnAsync(server, configure);
}
