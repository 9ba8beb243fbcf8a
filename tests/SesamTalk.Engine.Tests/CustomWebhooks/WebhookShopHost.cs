using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.CustomWebhooks;

/// <summary>
/// A web host, as a company runs one, whose products sync with a Shop emulator: engine, background sync (a 5-minute
/// poll, so within a test only a notification or a lost subscription runs a cycle after the first), change
/// notifications on, and <c>MapSesamTalkNotifications</c> on a loopback Kestrel port that the Shop's webhooks call.
/// </summary>
internal sealed class WebhookShopHost(WebApplication app, CustomSystemEmulator shop, CapturedLogs logs, InMemoryHostStore<Product> products, Uri callbackUrl)
    : NotifiedWebHost(app, shop, logs, callbackUrl, "Product→Shop/Product")
{
    public const string Secret = "whsec_engine-tests-0123456789abcdefghij";
    public const string ProductDone = "Product→Shop/Product: cycle done";

    public CustomSystemEmulator Shop { get; } = shop;

    public InMemoryHostStore<Product> Products { get; } = products;

    /// <summary>Starts the Shop and the host with <paramref name="products"/> saved; returns after the first run, with the Shop's webhook subscription in place.</summary>
    public static async Task<WebhookShopHost> StartAsync(TimeSpan coalesceWindow, params Product[] products)
    {
        var shop = await CustomSystemEmulator.StartAsync(new CustomSystemEmulatorOptions { WebhookRetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)] });
        var port = WebhookHostApp.FreePort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SesamTalk:Custom:Shop:BaseUrl"] = shop.BaseUrl.ToString(),
            ["SesamTalk:Custom:Shop:ApiKey"] = shop.ApiKey,
            ["SesamTalk:Custom:Shop:WebhookSecret"] = Secret,
            ["SesamTalk:Custom:Shop:WebhookCheckInterval"] = "00:00:00.300",
        }).Build();
        var logs = new CapturedLogs();
        var productStore = new InMemoryHostStore<Product>(p => p.Id, (p, id) => p.Id = id);
        foreach (var product in products)
        {
            await productStore.SaveAsync(product, default);
        }

        var builder = WebhookHostApp.CreateBuilder(port, logs);
        var services = builder.Services;
        services.AddSingleton<IHostStore<Product>>(productStore);
        var sesamTalk = services.AddSesamTalk();
        sesamTalk
            .AddCustomSystem("Shop", configuration.GetSection("SesamTalk:Custom:Shop"))
            .AddNotifiedEngine("Product", coalesceWindow, new Uri($"http://127.0.0.1:{port}/sesamtalk/notifications"));
        var app = await WebhookHostApp.StartAsync(builder);
        var host = new WebhookShopHost(app, shop, logs, productStore, new Uri($"http://127.0.0.1:{port}/sesamtalk/notifications/shop"));
        await host.WaitUntilAsync(() => host.Logs.Count(ProductDone) >= 1 && shop.Webhooks.Count == 1, "the first run and the subscription");
        await host.SettleAsync();
        return host;
    }

    /// <summary>Waits <paramref name="quiet"/> and checks the product flow ran no cycle meanwhile beyond <paramref name="cycles"/>.</summary>
    public async Task StaysAtAsync(int cycles, TimeSpan quiet)
    {
        await Task.Delay(quiet);
        Assert.True(Cycles == cycles, $"The product flow ran {Cycles} cycles, expected {cycles}.\n{Logs.All}");
    }

    /// <summary>
    /// Waits until no cycle has run for two seconds: the first run's creates come back as the Shop's webhook events (every
    /// write is announced, the engine's own too) and run a cycle that finds nothing to do; on a loaded machine that echo
    /// can come more than a second after the first run.
    /// </summary>
    private async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int before;
        do
        {
            before = Logs.Count(ProductDone);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        while (Logs.Count(ProductDone) != before && DateTime.UtcNow < deadline);
        SettledCycles = Logs.Count(ProductDone);
    }
}
