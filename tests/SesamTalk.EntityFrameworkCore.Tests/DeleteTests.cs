using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using SesamTalk.EntityFrameworkCore.Tests.Entities;
using SesamTalk.EntityFrameworkCore.Tests.Harness;
using SesamTalk.Tests.PostgreSql;

namespace SesamTalk.EntityFrameworkCore.Tests;

/// <summary>A delete leaves a tombstone, written in the delete's own transaction, at its own position.</summary>
public abstract class DeleteTests : OnEachProvider
{
    [Fact]
    public async Task A_delete_by_the_host_is_a_change_after_the_cursor()
    {
        await using var host = await StartAsync();
        var supplier = new Supplier { Id = Guid.NewGuid(), VatNumber = "NO1", Name = "Gone soon" };
        await using (var context = host.NewContext())
        {
            context.Add(supplier);
            await context.SaveChangesAsync();
        }

        var cursor = Assert.Single(await host.ChangesAsync<Supplier>()).Position;
        await using (var context = host.NewContext())
        {
            context.Remove((await context.Suppliers.FindAsync(supplier.Id))!);
            await context.SaveChangesAsync();
        }

        var deleted = Assert.Single(await host.ChangesAsync<Supplier>(cursor));
        Assert.True(deleted.IsDeleted);
        Assert.Equal(supplier.Id.ToString(), deleted.Id);
        Assert.True(deleted.Position > cursor);
        Assert.Null(await host.Store<Supplier>().GetAsync(supplier.Id.ToString(), CancellationToken.None));
        Assert.True(Assert.Single(await host.ChangesAsync<Supplier>()).IsDeleted); // a reader from the start sees the delete only
    }

    [Fact]
    public async Task A_save_that_fails_leaves_no_tombstone_and_the_next_save_goes_through()
    {
        await using var host = await StartAsync();
        var order = new Order { Number = "O-1", Lines = [new OrderLine { Sku = "A", Quantity = 1 }] };
        var supplier = new Supplier { Id = Guid.NewGuid(), VatNumber = "NO1" };
        await using (var context = host.NewContext())
        {
            context.AddRange(order, supplier);
            await context.SaveChangesAsync();
        }

        await using (var context = host.NewContext())
        {
            context.Remove((await context.Orders.FindAsync(order.Id))!);
            context.Add(new Supplier { Id = supplier.Id, VatNumber = "NO1-twin" }); // the key exists: the insert fails
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        Assert.DoesNotContain(await host.ChangesAsync<Order>(), change => change.IsDeleted);
        Assert.NotNull(await host.Store<Order>().GetAsync(order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));
        await using (var context = host.NewContext())
        {
            context.Remove((await context.Orders.FindAsync(order.Id))!);
            await context.SaveChangesAsync();
        }

        Assert.True((await host.ChangesAsync<Order>()).Single().IsDeleted);
    }

    [Fact]
    public async Task The_engines_delete_goes_through_the_store_with_the_lines()
    {
        await using var host = await StartAsync();
        var order = new Order { Number = "O-1", Lines = [new OrderLine { Sku = "A", Quantity = 1 }, new OrderLine { Sku = "B", Quantity = 2 }] };
        var id = await host.Store<Order>().SaveAsync(order, CancellationToken.None);

        await host.Store<Order>().DeleteAsync(id, CancellationToken.None);
        await host.Store<Order>().DeleteAsync(id, CancellationToken.None); // gone already: not an error

        Assert.True((await host.ChangesAsync<Order>()).Last().IsDeleted);
        await using var context = host.NewContext();
        Assert.Equal(0, await context.Set<OrderLine>().CountAsync());
    }
}

/// <summary>The tests on a SQLite file.</summary>
public sealed class DeleteOnSqliteTests : DeleteTests
{
    protected override Task<EfHost> StartAsync(Action<IServiceCollection>? configure = null) => EfHost.StartAsync(configure);
}

/// <summary>The tests on a database of their own on the run's PostgreSQL server.</summary>
[Collection(UsesPostgreSqlServer.Collection)]
public sealed class DeleteOnPostgreSqlTests(PostgreSqlServer server) : DeleteTests
{
    protected override Task<EfHost> StartAsync(Action<IServiceCollection>? configure = null) => EfHost.StartOnAsync(server, configure);
}
