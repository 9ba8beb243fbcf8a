using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// A host whose products and notes sync with a Shop emulator in the background, with change notifications configured
/// from <c>SesamTalk:Notifications</c> (on, a 100 ms coalescing window, unless the scenario says otherwise) and a
/// 5-minute polling interval, so within a test only a notification (or a lost subscription) makes a flow run again after
/// the first run. Every other entity of the model is disabled.
/// </summary>
internal sealed class NotifiedShop : IAsyncDisposable
{
    public const string ProductDone = "Product→Shop/Product: cycle done";
    public const string NoteDone = "Note→Shop/Note: cycle done";

    private readonly SyncBackgroundService _background;

    private NotifiedShop(CustomSystemEmulator shop, ServiceProvider provider, CapturedLogs logs, InMemoryHostStore<Product> products, InMemoryHostStore<Note> notes)
    {
        Shop = shop;
        Provider = provider;
        Logs = logs;
        Products = products;
        Notes = notes;
        _background = Assert.Single(provider.GetServices<IHostedService>().OfType<SyncBackgroundService>());
    }

    public CustomSystemEmulator Shop { get; }

    public ServiceProvider Provider { get; }

    public CapturedLogs Logs { get; }

    public InMemoryHostStore<Product> Products { get; }

    public InMemoryHostStore<Note> Notes { get; }

    public ISyncChangeNotifications Inbox => Provider.GetRequiredService<ISyncChangeNotifications>();

    public TalkClient Talk => Provider.GetRequiredService<TalkClient>();

    /// <summary>
    /// Builds the host with <paramref name="products"/> saved (settings override the defaults) and starts its
    /// background sync, which runs every flow once at once; returns after that first run.
    /// </summary>
    public static async Task<NotifiedShop> StartAsync(Dictionary<string, string?>? settings = null, params Product[] products)
    {
        var shop = await CustomSystemEmulator.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["SesamTalk:Custom:Shop:BaseUrl"] = shop.BaseUrl.ToString(),
            ["SesamTalk:Custom:Shop:ApiKey"] = shop.ApiKey,
            ["SesamTalk:Schedule:InitialDelay"] = "00:00:00",
            ["SesamTalk:Schedule:Interval"] = "00:05:00",
            ["SesamTalk:Notifications:Enabled"] = "true",
            ["SesamTalk:Notifications:CoalesceWindow"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturedLogs();
        var productStore = new InMemoryHostStore<Product>(p => p.Id, (p, id) => p.Id = id);
        foreach (var product in products)
        {
            await productStore.SaveAsync(product, default);
        }

        var notes = new InMemoryHostStore<Note>(n => n.Id, (n, id) => n.Id = id);
        var services = new ServiceCollection();
        services.AddSingleton(logs);
        services.AddSingleton(typeof(ILogger<>), typeof(CapturingLogger<>));
        services.AddSingleton<IHostStore<Product>>(productStore);
        services.AddSingleton<IHostStore<Note>>(notes);
        var directory = Directory.CreateTempSubdirectory("sesamtalk-notified-");
        var builder = services.AddSesamTalk();
        builder
            .AddCustomSystem("Shop", configuration.GetSection("SesamTalk:Custom:Shop"))
            .AddEngine(options =>
            {
                foreach (var entity in builder.Model.Entities.Where(entity => entity.Name is not ("Product" or "Note")))
                {
                    options.Flows[entity.Name] = new SyncFlowOptions { Enabled = false };
                }
            })
            .UseSqliteLinkStore(Path.Combine(directory.FullName, "links.db"))
            .AddBackgroundSync(configuration.GetSection("SesamTalk:Schedule"))
            .AddChangeNotifications(configuration.GetSection("SesamTalk:Notifications"));
        services.AddHealthChecks().AddSesamTalk();
        var host = new NotifiedShop(shop, services.BuildServiceProvider(), logs, productStore, notes);
        await host._background.StartAsync(CancellationToken.None);
        await host.WaitUntilAsync(() => host.Count(ProductDone) == 1 && host.Count(NoteDone) == 1, "the first run");
        return host;
    }

    public int Count(string text) => Logs.Lines.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits until <paramref name="condition"/> holds, at most 20 s; fails naming <paramref name="what"/> otherwise.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.\n{Logs.All}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits <paramref name="quiet"/> and checks <paramref name="text"/> was not logged again meanwhile.</summary>
    public async Task StaysAtAsync(string text, int count, TimeSpan quiet)
    {
        await Task.Delay(quiet);
        Assert.True(Count(text) == count, $"'{text}' was logged {Count(text)} times, expected {count}.\n{Logs.All}");
    }

    public async Task<HealthReportEntry> HealthAsync() =>
        (await Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["sesamtalk-shop"];

    public async ValueTask DisposeAsync()
    {
        await _background.StopAsync(CancellationToken.None);
        await Provider.DisposeAsync();
        await Shop.DisposeAsync();
    }
}
