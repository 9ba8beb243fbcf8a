using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;

namespace SesamTalk.Engine.Tests;

/// <summary>Promise 2: after two systems converge, the next cycle writes nothing, on either side.</summary>
public sealed class NoPingPongTests
{
    [Fact]
    public async Task After_convergence_the_next_cycle_writes_nothing_to_either_side()
    {
        await using var app = await EngineHarness.StartAsync();
        for (var i = 1; i <= 150; i++)
        {
            await app.Products.SaveAsync(new Product { Sku = $"SKU-{i:D3}", Name = $"Widget {i}", Price = 9.5m + i }, default);
        }

        app.SeedShop("Product", new JsonObject { ["Sku"] = "SHOP-1", ["Name"] = "Born in the shop", ["Stock"] = 4 });

        var first = (await app.Talk.Products.SyncAsync()).Flows.Single();
        Assert.False(first.Stopped, first.StopReason);
        Assert.Equal(150, first.Created);
        Assert.Equal(2, app.Shop.CallCount(Testing.Custom.CustomEndpoint.Batch)); // 150 creates at 100 a batch

        // The creates come back as changes (echoes); nothing is written for them.
        var hostBefore = app.Products.Records.Count;
        app.Shop.ResetCallCounts();
        var second = (await app.Talk.Products.SyncAsync()).Flows.Single();
        Assert.Equal(0, second.Created + second.Updated + second.Deleted);
        Assert.Equal(0, app.ShopWrites());
        Assert.Equal(hostBefore, app.Products.Records.Count);

        app.Shop.ResetCallCounts();
        var third = (await app.Talk.Products.SyncAsync()).Flows.Single();
        Assert.Equal(0, third.Read);
        Assert.Equal(0, app.ShopWrites());
        Assert.Equal(151, app.ShopRecords("Product").Count);
    }

    [Fact]
    public async Task An_edit_travels_once_and_its_echo_is_not_written_back()
    {
        await using var app = await EngineHarness.StartAsync();
        var product = new Product { Sku = "A-1", Name = "Lamp", Price = 20m };
        await app.Products.SaveAsync(product, default);
        await app.Talk.Products.SyncAsync();
        var remoteId = app.ShopRecords("Product").Single().Id;

        product.Name = "Desk lamp";
        await app.Products.SaveAsync(product, default);
        var push = (await app.Talk.Products.SyncAsync()).Flows.Single();
        Assert.Equal(1, push.Updated);
        Assert.Equal("Desk lamp", (string?)app.ShopFields("Product", remoteId)["Name"]);

        app.Shop.ResetCallCounts();
        var hostPosition = app.Products.Records.Count;
        var echo = (await app.Talk.Products.SyncAsync()).Flows.Single();
        Assert.Equal(1, echo.Read);
        Assert.Equal(0, echo.Created + echo.Updated);
        Assert.Equal(0, app.ShopWrites());
    }
}
