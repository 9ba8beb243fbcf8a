using System.Text.Json.Nodes;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;

namespace SesamTalk.Engine.Tests;

/// <summary>Promise 5: an explicit delete policy per flow (ignore by default, propagate, soft-delete) and a mass-change breaker.</summary>
public sealed class DeleteTests
{
    [Fact]
    public async Task By_default_a_delete_on_one_side_only_drops_the_link()
    {
        await using var app = await EngineHarness.StartAsync();
        var products = await LinkedProductsAsync(app, 2);
        app.DeleteShop("Product", RemoteId(app, products[0]));
        await app.Products.DeleteAsync(products[1].Id, default);

        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.Equal(0, report.Deleted);
        Assert.NotNull(await app.Products.GetAsync(products[0].Id, default));
        Assert.Single(app.ShopRecords("Product"));
        Assert.Empty(await app.Talk.Products.GetLinksAsync(products[0].Id));
        Assert.Empty(await app.Talk.Products.GetLinksAsync(products[1].Id));
    }

    [Fact]
    public async Task Propagate_deletes_the_linked_record_on_the_other_side()
    {
        await using var app = await EngineHarness.StartAsync(options => options.Flows["Product"] = new SyncFlowOptions { Deletes = DeletePolicy.Propagate });
        var products = await LinkedProductsAsync(app, 2);
        var shopId = RemoteId(app, products[1]);
        app.DeleteShop("Product", RemoteId(app, products[0]));
        await app.Products.DeleteAsync(products[1].Id, default);

        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.Equal(2, report.Deleted);
        Assert.Null(await app.Products.GetAsync(products[0].Id, default));
        Assert.Empty(app.ShopRecords("Product"));
        Assert.True(app.Shop.GetRecord("Product", shopId)!.Deleted);
    }

    [Fact]
    public async Task Soft_delete_marks_the_remote_record_instead_of_deleting_it()
    {
        await using var app = await EngineHarness.StartAsync(options => options.Flows["Product/Shop/Product"] = new SyncFlowOptions
        {
            Deletes = DeletePolicy.SoftDelete,
            SoftDeleteField = "Active",
            SoftDeleteValue = "false",
        });
        var products = await LinkedProductsAsync(app, 1);
        var shopId = RemoteId(app, products[0]);
        await app.Products.DeleteAsync(products[0].Id, default);

        var report = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.Equal(1, report.Deleted);
        Assert.False((bool?)app.ShopFields("Product", shopId)["Active"]);
        Assert.False(app.Shop.GetRecord("Product", shopId)!.Deleted);
    }

    [Fact]
    public async Task The_mass_change_breaker_stops_a_cycle_that_would_delete_most_records_before_it_deletes_any()
    {
        Action<SyncEngineOptions> propagate = options => options.Flows["Product"] = new SyncFlowOptions { Deletes = DeletePolicy.Propagate, MassChangeShare = 0.2, MassChangeMinimum = 5 };
        await using var app = await EngineHarness.StartAsync(propagate);
        var products = await LinkedProductsAsync(app, 30);
        foreach (var product in products.Take(12))
        {
            app.DeleteShop("Product", RemoteId(app, product));
        }

        var stopped = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.True(stopped is { Stopped: true, Held: true, Failed: false });
        Assert.Contains("mass-change breaker", stopped.StopReason, StringComparison.Ordinal);
        Assert.Contains("12 of 30", stopped.StopReason, StringComparison.Ordinal);
        Assert.Equal(30, app.Products.Records.Count);
        Assert.Equal(0, stopped.Deleted);

        // Once a person allows mass changes for the flow, the same deletes go through and the hold ends.
        await app.RestartAsync(options =>
        {
            propagate(options);
            options.Flows["Product"].AllowMassChange = true;
        });
        var confirmed = (await app.Talk.Products.SyncAsync()).Flows.Single();
        Assert.False(confirmed.Stopped, confirmed.StopReason);
        Assert.Equal(12, confirmed.Deleted);
        Assert.Equal(18, app.Products.Records.Count);
        var release = Assert.Single(await app.Links.GetReleasedHoldsAsync(EngineHarness.Flow("Product", "Product")));
        Assert.Equal((HoldReleaseReason.MassChangeAllowed, 12), (release.Reason, release.Hold.Changes));
    }

    [Fact]
    public async Task The_breaker_counts_overwrites_as_well_as_deletes()
    {
        await using var app = await EngineHarness.StartAsync(options => options.Flows["Product"] = new SyncFlowOptions { MassChangeShare = 0.25, MassChangeMinimum = 3 });
        var products = await LinkedProductsAsync(app, 20);
        foreach (var product in products.Take(10))
        {
            app.EditShop("Product", RemoteId(app, product), new JsonObject { ["Name"] = "Overwritten" });
        }

        var stopped = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.True(stopped.Stopped);
        Assert.DoesNotContain(app.Products.Records, product => product.Name == "Overwritten");
    }

    private static async Task<List<Product>> LinkedProductsAsync(EngineHarness app, int count)
    {
        var products = new List<Product>();
        for (var i = 0; i < count; i++)
        {
            var product = new Product { Sku = $"D-{i:D3}", Name = $"Item {i}", Price = i };
            await app.Products.SaveAsync(product, default);
            products.Add(product);
        }

        await app.Talk.Products.SyncAsync();
        return products;
    }

    private static string RemoteId(EngineHarness app, Product product) =>
        app.Talk.Products.GetLinksAsync(product.Id).GetAwaiter().GetResult().Single().RemoteId;
}
