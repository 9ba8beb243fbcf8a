using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Engine.Tests;

/// <summary>Promise 8: no token, password or secret appears in logs, reports or stored errors.</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task The_api_key_never_appears_in_logs_stop_reasons_or_the_link_store()
    {
        await using var app = await EngineHarness.StartAsync(shop: new CustomSystemEmulatorOptions { ApiKey = "sk-live-7f3a9c-do-not-log", Catalog = ShopCatalog.Json });
        await app.Products.SaveAsync(new Product { Sku = "S-1", Name = new string('y', 70) }, default); // refused: an error is stored
        await app.Products.SaveAsync(new Product { Sku = "S-2", Name = "Fine" }, default);
        app.Shop.Inject(CustomFault.ServerError(503).On(CustomEndpoint.Batch).Times(10));
        var failed = (await app.Talk.Products.SyncAsync()).Flows.Single();
        app.Shop.ClearFaults();
        var passed = (await app.Talk.Products.SyncAsync()).Flows.Single();

        Assert.True(failed.Stopped);
        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain("sk-live-7f3a9c", app.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-live-7f3a9c", failed.StopReason ?? "", StringComparison.Ordinal);
        Assert.Equal(1, passed.Quarantined);
        await app.RestartAsync(); // closes the link store file
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(app.LinkStorePath);
        Assert.DoesNotContain("sk-live-7f3a9c", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
