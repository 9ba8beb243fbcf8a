using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.EntityFrameworkCore.Tests.Entities;
using SesamTalk.EntityFrameworkCore.Tests.Harness;
using SesamTalk.Tests.PostgreSql;
using SesamTalk.Testing.Custom;

namespace SesamTalk.EntityFrameworkCore.Tests;

/// <summary>The engine on the EF Core store, registered with one line: both directions, echoes, a crash, existing data.</summary>
public abstract class EngineTests : OnEachProvider
{
    [Fact]
    public async Task A_host_record_goes_to_the_system_and_the_engines_own_writes_do_not_come_back_as_host_edits()
    {
        await using var host = await StartAsync();
        var supplier = new Supplier { Id = Guid.NewGuid(), VatNumber = "NO1", Name = "Fjord Fasteners", PaymentTermDays = 30 };
        await using (var context = host.NewContext())
        {
            context.Add(supplier);
            await context.SaveChangesAsync();
        }

        var created = (await host.Talk.Suppliers.SyncAsync()).Flows.Single();
        var record = Assert.Single(host.Shop.GetRecords("Supplier"));
        Assert.Equal(1, created.Created);
        Assert.Equal("Fjord Fasteners", record.Fields["Name"]?.ToString());

        host.Shop.Edit("Supplier", record.Id, new JsonObject { ["Name"] = "Fjord Fasteners ASA" });
        var back = (await host.Talk.Suppliers.SyncAsync()).Flows.Single();
        Assert.Equal(1, back.Updated);
        await using (var context = host.NewContext())
        {
            Assert.Equal("Fjord Fasteners ASA", (await context.Suppliers.SingleAsync()).Name);
        }

        // The engine's save into the host is a change in the store (other flows of the entity need it), but this flow
        // knows it as its own write: nothing goes back to the system.
        host.Shop.ResetCallCounts();
        var quiet = (await host.Talk.Suppliers.SyncAsync()).Flows.Single();
        Assert.Equal(0, quiet.Created + quiet.Updated + quiet.Deleted);
        Assert.Equal(0, Writes(host.Shop));
    }

    [Fact]
    public async Task A_crash_between_the_hosts_save_and_the_engines_commit_loses_nothing_and_creates_nothing_twice()
    {
        await using var host = await StartAsync();
        await using (var context = host.NewContext())
        {
            context.AddRange(Enumerable.Range(1, 3).Select(i => new Supplier { Id = Guid.NewGuid(), VatNumber = "NO" + i, Name = "Supplier " + i }));
            await context.SaveChangesAsync();
        }

        host.Shop.Inject(CustomFault.LoseResponse().On(CustomEndpoint.Batch).Times(10));
        host.Shop.Inject(CustomFault.LoseResponse().On(CustomEndpoint.Create).Times(10));
        var lost = (await host.Talk.Suppliers.SyncAsync()).Flows.Single();
        Assert.True(lost.Stopped);

        host.Shop.ClearFaults();
        await host.Talk.Suppliers.SyncAsync();
        Assert.Equal(["NO1", "NO2", "NO3"], host.Shop.GetRecords("Supplier").Select(record => record.Fields["VatNumber"]!.ToString()).Order(StringComparer.Ordinal));
        await using var after = host.NewContext();
        foreach (var supplier in await after.Suppliers.ToListAsync())
        {
            Assert.Single(await host.Talk.Suppliers.GetLinksAsync(supplier.Id.ToString()));
        }
    }

    [Fact]
    public async Task A_crash_between_the_engines_write_into_the_host_and_its_commit_makes_no_second_host_record()
    {
        CrashAfterSave<Supplier>? store = null;
        await using var host = await StartAsync(services => services.AddSingleton<IHostStore<Supplier>>(provider => store = new CrashAfterSave<Supplier>(
            new EntityFrameworkHostStore<ShopContext, Supplier>(provider.GetRequiredService<ContextSource<ShopContext>>(), provider.GetRequiredService<ISyncModel>()))));
        var remoteId = host.Shop.Seed("Supplier", new JsonObject { ["VatNumber"] = "NO9", ["Name"] = "Born in the Shop" });
        _ = host.Store<Supplier>(); // resolves the wrapped store, so it can be armed
        using var cycle = new CancellationTokenSource();
        store!.Arm(cycle);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Talk.Suppliers.SyncAsync(null, cycle.Token));
        await using (var context = host.NewContext())
        {
            Assert.Equal(1, await context.Suppliers.CountAsync()); // written and committed in the host, not yet linked
        }

        await host.Talk.Suppliers.SyncAsync();
        await using var after = host.NewContext();
        var supplier = await after.Suppliers.SingleAsync();
        Assert.Equal(remoteId, Assert.Single(await host.Talk.Suppliers.GetLinksAsync(supplier.Id.ToString())).RemoteId);
        Assert.Single(host.Shop.GetRecords("Supplier"));
    }

    [Fact]
    public async Task An_order_born_in_the_system_arrives_with_its_lines_and_a_host_order_leaves_with_them()
    {
        await using var host = await StartAsync();
        host.Shop.Seed("Order", new JsonObject
        {
            ["Number"] = "S-1",
            ["Lines"] = new JsonArray(new JsonObject { ["Sku"] = "A", ["Quantity"] = 2 }, new JsonObject { ["Sku"] = "B", ["Quantity"] = 3 }),
        });
        await using (var context = host.NewContext())
        {
            context.Add(new Order { Number = "H-1", Lines = [new OrderLine { Sku = "C", Quantity = 1 }] });
            await context.SaveChangesAsync();
        }

        var report = (await host.Talk.Orders.SyncAsync()).Flows.Single();
        Assert.Equal(2, report.Created);
        await using (var context = host.NewContext())
        {
            var arrived = await context.Orders.Include(order => order.Lines).SingleAsync(order => order.Number == "S-1");
            Assert.Equal([("A", 2m), ("B", 3m)], arrived.Lines.OrderBy(line => line.Sku).Select(line => (line.Sku, line.Quantity)));
        }

        var sent = host.Shop.GetRecords("Order").Single(record => record.Fields["Number"]?.ToString() == "H-1");
        Assert.Single(sent.Fields["Lines"]!.AsArray());

        host.Shop.ResetCallCounts();
        var quiet = (await host.Talk.Orders.SyncAsync()).Flows.Single();
        Assert.Equal(0, quiet.Created + quiet.Updated);
        Assert.Equal(0, Writes(host.Shop));
    }

    [Fact]
    public async Task Adding_sync_to_a_database_with_data_links_the_existing_rows_by_match_key_on_the_first_cycle()
    {
        await using var host = await StartAsync();
        await using (var context = host.NewContext())
        {
            context.AddRange(Enumerable.Range(1, 4).Select(i => new Supplier { Id = Guid.NewGuid(), VatNumber = "NO" + i, Name = "Supplier " + i }));
            await context.SaveChangesAsync();
            await context.Suppliers.ExecuteUpdateAsync(set => set.SetProperty(supplier => EF.Property<long>(supplier, "SesamTalkStamp"), 0L)); // as before the migration
        }

        var existing = new[] { 1, 2 }.ToDictionary(i => "NO" + i, i => host.Shop.Seed("Supplier", new JsonObject { ["VatNumber"] = "NO" + i, ["Name"] = "Supplier " + i }));

        var first = (await host.Talk.Suppliers.SyncAsync()).Flows.Single();
        Assert.Equal(2, first.Created);
        Assert.Equal(4, host.Shop.GetRecords("Supplier").Count);
        await using var after = host.NewContext();
        foreach (var supplier in await after.Suppliers.Where(supplier => supplier.VatNumber == "NO1" || supplier.VatNumber == "NO2").ToListAsync())
        {
            var link = Assert.Single(await host.Talk.Suppliers.GetLinksAsync(supplier.Id.ToString()));
            Assert.Equal((existing[supplier.VatNumber], SyncLinkProvenance.MatchedOnKey), (link.RemoteId, link.Provenance));
        }
    }

    private static int Writes(CustomSystemEmulator shop) =>
        shop.CallCount(CustomEndpoint.Create) + shop.CallCount(CustomEndpoint.Update) + shop.CallCount(CustomEndpoint.Delete) + shop.CallCount(CustomEndpoint.Batch);
}

/// <summary>The tests on a SQLite file.</summary>
public sealed class EngineOnSqliteTests : EngineTests
{
    protected override Task<EfHost> StartAsync(Action<IServiceCollection>? configure = null) => EfHost.StartAsync(configure);
}

/// <summary>The tests on a database of their own on the run's PostgreSQL server.</summary>
[Collection(UsesPostgreSqlServer.Collection)]
public sealed class EngineOnPostgreSqlTests(PostgreSqlServer server) : EngineTests
{
    protected override Task<EfHost> StartAsync(Action<IServiceCollection>? configure = null) => EfHost.StartOnAsync(server, configure);
}
