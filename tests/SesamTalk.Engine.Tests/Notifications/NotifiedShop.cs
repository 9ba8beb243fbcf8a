using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;
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

    private readonly List<IHostedService> _started = [];

    private NotifiedShop(CustomSystemEmulator shop, ServiceProvider provider, CapturedLogs logs, InMemoryHostStore<Product> products, InMemoryHostStore<Note> notes)
    {
        Shop = shop;
        Provider = provider;
        Logs = logs;
        Products = products;
        Notes = notes;
    }

    public CustomSystemEmulator Shop { get; }

    public ServiceProvider Provider { get; }

    public CapturedLogs Logs { get; }

    public InMemoryHostStore<Product> Products { get; }

    public InMemoryHostStore<Note> Notes { get; }

    public ISyncChangeNotifications Inbox => Provider.GetRequiredService<ISyncChangeNotifications>();

    public TalkClient Talk => Provider.GetRequiredService<TalkClient>();

    public ISyncEngine Engine => Provider.GetRequiredService<ISyncEngine>();

    /// <summary>
    /// Builds the host with <paramref name="products"/> saved (settings override the defaults) and starts its hosted
    /// services: the background sync runs every flow once at once; returns after that first run.
    /// </summary>
    public static async Task<NotifiedShop> StartAsync(Dictionary<string, string?>? settings = null, params Product[] products) =>
        await StartAsync(settings, _ => { }, products);

    /// <summary>As <see cref="StartAsync(Dictionary{string, string?}?, Product[])"/>, with more registrations by <paramref name="configure"/>.</summary>
    public static async Task<NotifiedShop> StartAsync(Dictionary<string, string?>? settings, Action<IServiceCollection> configure, params Product[] products)
    {
        var host = await BuildAsync(settings, configure, clock: null, products);
        foreach (var service in host.Provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            host._started.Add(service);
        }

        await host.WaitUntilAsync(() => host.Count(ProductDone) == 1 && host.Count(NoteDone) == 1, "the first run");
        return host;
    }

    /// <summary>Builds the host without starting anything, on <paramref name="clock"/> (the host stores and the link store too): a scenario on a simulated clock drives a <see cref="Scheduler"/>.</summary>
    public static Task<NotifiedShop> BuildAsync(Dictionary<string, string?>? settings, TimeProvider clock, params Product[] products) =>
        BuildAsync(settings, _ => { }, clock, products);

    /// <summary>As <see cref="BuildAsync(Dictionary{string, string?}?, TimeProvider, Product[])"/>, with more registrations by <paramref name="configure"/> (another system, say).</summary>
    public static async Task<NotifiedShop> BuildAsync(Dictionary<string, string?>? settings, Action<IServiceCollection> configure, TimeProvider? clock, Product[] products)
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
        var productStore = new InMemoryHostStore<Product>(p => p.Id, (p, id) => p.Id = id, clock);
        foreach (var product in products)
        {
            await productStore.SaveAsync(product, default);
        }

        var notes = new InMemoryHostStore<Note>(n => n.Id, (n, id) => n.Id = id, clock);
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
        if (clock is not null)
        {
            services.AddSingleton(clock);
            services.AddSingleton<ILinkStore>(_ => SqliteLinkStore.OpenAsync(new SqliteLinkStoreOptions { Path = Path.Combine(directory.FullName, "links.db"), TimeProvider = clock }).GetAwaiter().GetResult());
        }

        configure(services);
        return new NotifiedShop(shop, services.BuildServiceProvider(), logs, productStore, notes);
    }

    /// <summary>A scheduler as the background sync makes one, over this host's services.</summary>
    public SyncScheduler Scheduler() => BackgroundScheduler.Of(Provider);

    public int Count(string text) => Logs.Count(text);

    /// <summary>Waits until <paramref name="condition"/> holds, at most 20 s; fails naming <paramref name="what"/> otherwise.</summary>
    public Task WaitUntilAsync(Func<bool> condition, string what) => Logs.WaitUntilAsync(condition, what);

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
        foreach (var service in _started)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await Provider.DisposeAsync();
        await Shop.DisposeAsync();
    }
}
