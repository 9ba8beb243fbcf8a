using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Samples.Customerp.Storage;
using SesamTalk.Samples.Customwebshop.Storage;
using Erp = SesamTalk.Samples.Customerp;
using Shop = SesamTalk.Samples.Customwebshop;

namespace SesamTalk.Samples.Tests.Storage;

/// <summary>The sample hosts' EF Core databases: their demo data, their ids, their lines, and the webshop's SKU rule.</summary>
public sealed class SampleDatabaseTests
{
    [Fact]
    public async Task The_webshop_demo_data_is_saved_once_with_the_ids_its_orders_and_lines_refer_to()
    {
        await using var shop = await WebshopAsync();
        Assert.True(await shop.UseAsync(db => CustomwebshopDemoData.SeedAsync(db, CancellationToken.None)));
        Assert.False(await shop.UseAsync(db => CustomwebshopDemoData.SeedAsync(db, CancellationToken.None)));

        var changes = await ReadAsync(shop.Store<Shop.Order>());
        Assert.Equal(["WS-1001", "WS-1002", "WS-1003"], changes.Select(change => change.Entity!.Number));
        var order = changes[1].Entity!;
        Assert.Equal(changes[1].Id, order.Id);
        Assert.Equal(["1002-1", "1002-2", "1002-3"], order.Lines.Select(line => line.Id));
        Assert.All(order.Lines, line => Assert.Equal(order.Id, line.OrderId));
        Assert.Equal(12.5m, order.Lines[1].DiscountPercent);
        var customer = await shop.UseAsync(db => db.Customers.SingleAsync(c => c.Id == order.CustomerId));
        Assert.Equal("Polder Fietsen B.V.", customer.Name);
        var saw = await shop.UseAsync(db => db.Products.SingleAsync(p => p.Sku == "SAW-22"));
        Assert.Equal(saw.Id, order.Lines[0].ProductId);
    }

    [Fact]
    public async Task An_order_the_engine_saves_gets_an_id_and_keeps_its_lines_in_order_though_they_have_no_ids()
    {
        await using var shop = await WebshopAsync();
        var store = shop.Store<Shop.Order>();
        var id = await store.SaveAsync(new Shop.Order { Number = "SO-1", Lines = [new() { Description = "first", Quantity = 1 }, new() { Description = "second", Quantity = 2 }] }, CancellationToken.None);
        Assert.True(Guid.TryParse(id, out _), id);

        var order = (await store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(["first", "second"], order.Lines.Select(line => line.Description));
        order.Lines.Insert(0, new Shop.OrderLine { Description = "zeroth" });
        order.Lines[2].Quantity = 5;
        Assert.Equal(id, await store.SaveAsync(order, CancellationToken.None));

        var saved = (await store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal([("zeroth", 0m), ("first", 1m), ("second", 5m)], saved.Lines.Select(line => (line.Description, line.Quantity)));
        Assert.Equal(3, await shop.UseAsync(db => db.OrderLines.CountAsync()));
    }

    [Fact]
    public async Task A_line_that_names_its_product_by_sku_only_gets_the_products_id_when_saved()
    {
        await using var shop = await WebshopAsync();
        var hammer = new Shop.Product { Sku = "HAM-16", Name = "Claw hammer" };
        await shop.UseAsync(async db =>
        {
            db.Products.Add(hammer);
            return await db.SaveChangesAsync();
        });

        // A SuperOffice quote line arrives with the product's code and no webshop product id.
        var id = await shop.Store<Shop.Order>().SaveAsync(new Shop.Order { Number = "SO-2", Lines = [new() { Sku = "HAM-16" }, new() { Sku = "NO-SUCH" }] }, CancellationToken.None);

        var lines = (await shop.Store<Shop.Order>().GetAsync(id, CancellationToken.None))!.Lines;
        Assert.Equal([hammer.Id, ""], lines.Select(line => line.ProductId));
    }

    [Fact]
    public async Task The_erp_demo_data_is_saved_once_and_its_quotes_and_orders_keep_their_lines()
    {
        await using var erp = await SampleDatabase<CustomerpDb>.CreateAsync(services => Erp.SesamTalkServiceCollectionExtensions.AddSesamTalk(services));
        Assert.True(await erp.UseAsync(db => CustomerpDemoData.SeedAsync(db, CancellationToken.None)));
        Assert.False(await erp.UseAsync(db => CustomerpDemoData.SeedAsync(db, CancellationToken.None)));

        var quote = Assert.Single(await ReadAsync(erp.Store<Erp.Quote>())).Entity!;
        Assert.Equal(["7-1", "7-2"], quote.Lines.Select(line => line.Id));
        Assert.All(quote.Lines, line => Assert.Equal(quote.Id, line.QuoteId));
        var orders = await ReadAsync(erp.Store<Erp.Order>());
        Assert.Equal([2, 1], orders.Select(order => order.Entity!.Lines.Count));
        var ingrid = await erp.UseAsync(db => db.Contacts.SingleAsync(contact => contact.FirstName == "Ingrid"));
        Assert.Equal(ingrid.Id, orders[0].Entity!.BillToContactId);
    }

    private static Task<SampleDatabase<CustomwebshopDb>> WebshopAsync() =>
        SampleDatabase<CustomwebshopDb>.CreateAsync(services => Shop.SesamTalkServiceCollectionExtensions.AddSesamTalk(services));

    private static async Task<List<HostChange<T>>> ReadAsync<T>(IHostStore<T> store)
        where T : class
    {
        var changes = new List<HostChange<T>>();
        await foreach (var change in store.GetChangesAsync(null, CancellationToken.None))
        {
            changes.Add(change);
        }

        return changes;
    }
}
