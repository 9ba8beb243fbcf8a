using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Engine.Tests.Routing;

/// <summary>
/// Records a person releases from quarantine are read again from their side in one read, as a page is, not one call
/// each (issue 13: "quarantine releases run one call each").
/// </summary>
public sealed class ReleasedRecordsTests
{
    /// <summary>The Shop refuses customers whose name is longer than 10 characters.</summary>
    private const string ShortNames = """
        {
          "system": "Shop",
          "systemFields": [ { "name": "Id", "type": "id", "key": true, "createable": false, "updateable": false, "nillable": false, "defaultedOnCreate": true } ],
          "objects": [
            {
              "name": "Customer", "createable": true, "updateable": true, "deletable": true,
              "fields": [
                { "name": "Email", "type": "email", "length": 80, "createable": true, "updateable": true, "nillable": false, "defaultedOnCreate": false },
                { "name": "Name", "type": "string", "length": 10, "createable": true, "updateable": true, "nillable": false, "defaultedOnCreate": false },
                { "name": "City", "type": "string", "length": 40, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false }
              ]
            }
          ]
        }
        """;

    [Fact]
    public async Task Released_host_records_are_read_again_in_one_batch_and_those_refused_again_stay_quarantined_by_name()
    {
        await using var app = await EngineHarness.StartAsync(shop: new CustomSystemEmulatorOptions { Catalog = ShortNames });
        var refused = new List<Customer>();
        for (var i = 0; i < 30; i++)
        {
            var customer = new Customer { Email = $"long{i}@example.com", Name = $"A name far too long {i}" };
            await app.Customers.SaveAsync(customer, default);
            refused.Add(customer);
        }

        await app.Customers.SaveAsync(new Customer { Email = "short@example.com", Name = "Short" }, default);
        var first = (await app.Talk.Customers.SyncAsync()).Flows.Single();
        Assert.Equal((1, 30), (first.Created, first.Quarantined));

        // Ten are fixed in the host without a new change time (as a fix made in the database by hand would be); all are released.
        foreach (var customer in refused.Take(10))
        {
            customer.Name = "Fixed";
        }

        var (single, batches) = (app.CustomerReads.SingleReads, app.CustomerReads.BatchReads);
        var retried = (await app.Talk.Customers.RetryQuarantinedAsync()).Flows.Single();

        Assert.False(retried.Stopped, retried.StopReason);
        Assert.Equal((10, 20), (retried.Created, retried.Quarantined));
        Assert.Equal(0, app.CustomerReads.SingleReads - single); // before: one read a released record, 30
        Assert.Equal(1, app.CustomerReads.BatchReads - batches);
        var quarantined = await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Customer", "Customer"));
        Assert.Equal(refused.Skip(10).Select(customer => customer.Id).Order(), quarantined.Select(entry => entry.RecordId).Order());
        Assert.All(quarantined, entry => Assert.Contains("Name", entry.Error, StringComparison.Ordinal));
        Assert.Equal(11, app.ShopRecords("Customer").Count);
    }

    [Fact]
    public async Task Released_remote_records_are_read_again_by_id_and_quarantined_again_while_still_bad()
    {
        await using var app = await EngineHarness.StartAsync();
        var products = Enumerable.Range(0, 3).Select(i => new Product { Sku = $"R-{i}", Name = $"Product {i}" }).ToList();
        foreach (var product in products)
        {
            await app.Products.SaveAsync(product, default);
        }

        await app.Talk.Products.SyncAsync();
        var remoteIds = new List<string>();
        foreach (var product in products.Take(2))
        {
            var remoteId = Assert.Single(await app.Talk.Products.GetLinksAsync(product.Id)).RemoteId;
            app.EditShop("Product", remoteId, new JsonObject { ["Price"] = "twelve" });
            remoteIds.Add(remoteId);
        }

        Assert.Equal(2, (await app.Talk.Products.SyncAsync()).Flows.Single().Quarantined);
        app.Shop.ResetCallCounts();
        var retried = (await app.Talk.Products.RetryQuarantinedAsync()).Flows.Single();

        Assert.False(retried.Stopped, retried.StopReason);
        Assert.Equal((0, 2), (retried.Updated, retried.Quarantined));
        Assert.Equal((0, 1), (app.Shop.CallCount(CustomEndpoint.Get), app.Shop.CallCount(CustomEndpoint.ReadMany))); // before, one call each
        var quarantined = await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Product", "Product"));
        Assert.Equal(remoteIds.Order(), quarantined.Select(entry => entry.RecordId).Order());
        Assert.All(quarantined, entry => Assert.Equal(SyncSide.Remote, entry.Side));
        Assert.All(quarantined, entry => Assert.Contains("Price", entry.Error, StringComparison.Ordinal));
        Assert.All(products, product => Assert.Null(product.Price));
    }
}
