using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.EntityFrameworkCore.Tests.Entities;
using SesamTalk.EntityFrameworkCore.Tests.Harness;

namespace SesamTalk.EntityFrameworkCore.Tests;

/// <summary>
/// Many records at a time: one query per 500 ids, one transaction (one SaveChanges) per 500 saves or deletes, counted
/// at the database, so a store that went back to a query or a transaction per record fails here.
/// </summary>
public sealed class BatchTests
{
    private const int Records = 1_200; // three batches: 500, 500, 200

    [Fact]
    public async Task The_records_of_many_ids_are_read_in_one_query_per_five_hundred_ids()
    {
        var counter = new CommandCounter();
        await using var host = await StartAsync(counter);
        var ids = await SeedAsync(host);
        counter.Reset();

        var found = await host.BatchStore<Supplier>().GetManyAsync([.. ids, Guid.NewGuid().ToString(), ids[0]], CancellationToken.None);

        Assert.Equal(ids.Order(), found.Keys.Order());
        Assert.All(found, pair => Assert.Equal(pair.Key, pair.Value.Id.ToString()));
        var queries = counter.QueriesOf("Suppliers");
        Assert.Equal(3, queries.Count);
        Assert.All(queries, query => Assert.InRange(query.Parameters.Count, 1, EntityFrameworkHostStore<ShopContext, Supplier>.IdsPerQuery));
        // One record by id: a batch of one, whatever the spelling of its key.
        Assert.Equal(ids[0], (await host.Store<Supplier>().GetAsync(ids[0].ToUpperInvariant(), CancellationToken.None))?.Id.ToString());
    }

    [Fact]
    public async Task Many_saves_go_in_one_transaction_per_five_hundred_records_with_one_look_up_of_those_that_exist()
    {
        var counter = new CommandCounter();
        await using var host = await StartAsync(counter);
        var store = host.BatchStore<Supplier>();
        var suppliers = Enumerable.Range(0, Records).Select(i => new Supplier { Id = Guid.NewGuid(), VatNumber = "NO" + i, Name = "Supplier " + i }).ToList();

        var ids = await store.SaveManyAsync(suppliers, CancellationToken.None);

        Assert.Equal(suppliers.Select(supplier => supplier.Id.ToString()), ids);
        Assert.Equal(3, counter.Transactions);
        Assert.Equal(3, counter.QueriesOf("Suppliers").Count);
        var created = await host.ChangesAsync<Supplier>();
        Assert.Equal(Records, created.Select(change => change.Position.ModifiedAt).Distinct().Count());

        counter.Reset();
        var edited = suppliers.Select(supplier => new Supplier { Id = supplier.Id, VatNumber = supplier.VatNumber, Name = supplier.Name + " (edited)" }).ToList();
        Assert.Equal(ids, await store.SaveManyAsync(edited, CancellationToken.None));

        Assert.Equal(3, counter.Transactions);
        Assert.Equal(3, counter.QueriesOf("Suppliers").Count);
        var changes = await host.ChangesAsync<Supplier>(created[^1].Position);
        Assert.Equal(Records, changes.Count);
        Assert.All(changes, change => Assert.EndsWith(" (edited)", change.Entity!.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Many_deletes_go_in_one_transaction_per_five_hundred_records_each_with_its_tombstone()
    {
        var counter = new CommandCounter();
        await using var host = await StartAsync(counter);
        var ids = await SeedAsync(host);
        var cursor = (await host.ChangesAsync<Supplier>())[^1].Position;
        counter.Reset();

        await host.BatchStore<Supplier>().DeleteManyAsync([.. ids, Guid.NewGuid().ToString()], CancellationToken.None);

        Assert.Equal(3, counter.Transactions);
        Assert.Equal(3, counter.QueriesOf("Suppliers").Count);
        var deletes = await host.ChangesAsync<Supplier>(cursor);
        Assert.Equal(ids.Order(), deletes.Select(change => change.Id).Order());
        Assert.All(deletes, change => Assert.True(change.IsDeleted));
        await using var context = host.NewContext();
        Assert.Equal(0, await context.Suppliers.CountAsync());
    }

    [Fact]
    public async Task Orders_saved_in_a_batch_keep_their_lines_and_new_ones_get_their_ids()
    {
        await using var host = await EfHost.StartAsync();
        var store = host.BatchStore<Order>();
        var orders = Enumerable.Range(0, 3).Select(i => new Order { Number = "O-" + i, Lines = [new OrderLine { Sku = "A" + i, Quantity = i }] }).ToList();

        var ids = await store.SaveManyAsync(orders, CancellationToken.None);

        Assert.Equal(orders.Select(order => order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids);
        Assert.Equal(3, ids.Distinct().Count());
        var found = await store.GetManyAsync(ids.ToList(), CancellationToken.None);
        Assert.Equal(["A0", "A1", "A2"], ids.Select(id => found[id].Lines.Single().Sku));
    }

    private static Task<EfHost> StartAsync(CommandCounter counter) =>
        EfHost.StartAsync(services => services.ConfigureDbContext<ShopContext>(options => options.AddInterceptors(counter)));

    /// <summary>Saves <see cref="Records"/> suppliers as the app does, in one save, and returns their ids.</summary>
    private static async Task<List<string>> SeedAsync(EfHost host)
    {
        var suppliers = Enumerable.Range(0, Records).Select(i => new Supplier { Id = Guid.NewGuid(), VatNumber = "NO" + i }).ToList();
        await using var context = host.NewContext();
        context.AddRange(suppliers);
        await context.SaveChangesAsync();
        return [.. suppliers.Select(supplier => supplier.Id.ToString())];
    }
}
