using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Engine.Tests;

/// <summary>Promise 7: a malformed or invalid record is quarantined with a clear error naming record and field; the rest go through.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task A_remote_value_of_the_wrong_type_quarantines_that_record_only_and_names_the_record_and_field()
    {
        await using var app = await EngineHarness.StartAsync();
        var good = new Product { Sku = "G-1", Name = "Good" };
        var bad = new Product { Sku = "B-1", Name = "Bad" };
        await app.Products.SaveAsync(good, default);
        await app.Products.SaveAsync(bad, default);
        await app.Talk.Products.SyncAsync();
        var badId = Single(app, bad);
        app.EditShop("Product", Single(app, good), new JsonObject { ["Price"] = 12.5 });
        app.EditShop("Product", badId, new JsonObject { ["Price"] = "twelve" });

        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.Equal(1, report.Quarantined);
        Assert.Equal(12.5m, good.Price);
        Assert.Null(bad.Price);
        var entry = Assert.Single(await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Product", "Product")));
        Assert.Equal((SyncSide.Remote, badId), (entry.Side, entry.RecordId));
        Assert.Contains(badId, entry.Error, StringComparison.Ordinal);
        Assert.Contains("Price", entry.Error, StringComparison.Ordinal);
        Assert.Contains("twelve", entry.Payload, StringComparison.Ordinal);

        // Fixed at the source, the record goes through and leaves quarantine.
        app.EditShop("Product", badId, new JsonObject { ["Price"] = 12 });
        await app.Talk.Products.SyncAsync();
        Assert.Equal(12m, bad.Price);
        Assert.Empty(await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Product", "Product")));
    }

    [Fact]
    public async Task A_record_the_remote_system_refuses_is_quarantined_with_its_error_while_the_rest_of_the_batch_is_created()
    {
        await using var app = await EngineHarness.StartAsync(shop: new CustomSystemEmulatorOptions { Catalog = ShopCatalog.Json });
        for (var i = 0; i < 5; i++)
        {
            await app.Products.SaveAsync(new Product { Sku = $"V-{i}", Name = $"Valid {i}" }, default);
        }

        var tooLong = new Product { Sku = "V-LONG", Name = new string('x', 60) };
        await app.Products.SaveAsync(tooLong, default);

        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.Equal(5, report.Created);
        Assert.Equal(1, report.Quarantined);
        Assert.Equal(5, app.ShopRecords("Product").Count);
        var entry = Assert.Single(await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Product", "Product")));
        Assert.Equal((SyncSide.Local, tooLong.Id), (entry.Side, entry.RecordId));
        Assert.Contains("Name", entry.Error, StringComparison.Ordinal);
        Assert.Contains(tooLong.Id, entry.Error, StringComparison.Ordinal);

        // Fixed in the host, it is created on the next cycle.
        tooLong.Name = "Short again";
        await app.Products.SaveAsync(tooLong, default);
        var retried = (await app.Talk.Products.SyncAsync()).Flows.Single();
        Assert.Equal(1, retried.Created);
        Assert.Empty(await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Product", "Product")));
    }

    [Fact]
    public async Task A_malformed_page_stops_the_cycle_at_the_last_good_page_and_is_read_again_next_time()
    {
        await using var app = await EngineHarness.StartAsync(pageSize: 10);
        for (var i = 0; i < 25; i++)
        {
            app.SeedShop("Customer", new JsonObject { ["Email"] = $"m{i:D2}@example.com", ["Name"] = $"M {i}" });
        }

        app.Shop.Inject(CustomFault.MalformedBody().On(CustomEndpoint.Changes).Times(1 + 3)); // malformed on every try (the harness retries 3 times)
        var first = (await app.Talk.Customers.SyncAsync()).Flows.Single();
        var second = (await app.Talk.Customers.SyncAsync()).Flows.Single();

        Assert.True(first.Stopped);
        Assert.False(second.Stopped, second.StopReason);
        Assert.Equal(25, app.Customers.Records.Count);
        Assert.Equal(25, first.Created + second.Created);
    }

    [Fact]
    public async Task A_reference_to_a_record_not_linked_yet_is_quarantined_and_goes_through_by_itself_once_it_is()
    {
        await using var app = await EngineHarness.StartAsync();
        var customer = new Customer { Email = "ref@example.com", Name = "Referenced" };
        await app.Customers.SaveAsync(customer, default);
        var order = new Order { Number = "SO-1", CustomerId = customer.Id, OrderDate = new DateOnly(2024, 9, 10) };
        await app.Orders.SaveAsync(order, default);

        var early = (await app.Talk.Orders.SyncAsync()).Flows.Single();
        Assert.Equal(1, early.Quarantined);
        var entry = Assert.Single(await app.Talk.Orders.GetQuarantineAsync());
        Assert.Contains($"Order '{order.Id}'", entry.Error, StringComparison.Ordinal);
        Assert.Contains($"CustomerId names Customer '{customer.Id}', which is not linked", entry.Error, StringComparison.Ordinal);
        Assert.True(entry.Released); // tried again next cycle without anyone releasing it

        await app.Talk.Customers.SyncAsync();
        var later = (await app.Talk.Orders.SyncAsync()).Flows.Single();

        Assert.Equal(1, later.Created);
        Assert.Empty(await app.Talk.Orders.GetQuarantineAsync());
        var shopOrder = Assert.Single(app.ShopRecords("Order"));
        Assert.Equal(app.ShopRecords("Customer").Single().Id, (string?)shopOrder.Fields["CustomerId"]);
    }

    private static string Single(EngineHarness app, Product product) =>
        app.Talk.Products.GetLinksAsync(product.Id).GetAwaiter().GetResult().Single().RemoteId;
}
