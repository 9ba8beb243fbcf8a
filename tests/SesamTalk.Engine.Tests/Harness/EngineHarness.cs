using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors;
using SesamTalk.Connectors.Custom;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>
/// One host app wired as a user would wire it: the generated client over the engine, in-memory host stores, the
/// custom-system emulator "Shop" on loopback and a SQLite link store in a temp file that outlives "restarts".
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly string _directory;
    private ServiceProvider _provider;

    private EngineHarness(string directory, CustomSystemEmulator shop, Action<SyncEngineOptions>? configure, int pageSize)
    {
        _directory = directory;
        Shop = shop;
        Configure = configure;
        PageSize = pageSize;
        _provider = Build();
    }

    public CustomSystemEmulator Shop { get; }

    public InMemoryHostStore<Product> Products { get; } = new(p => p.Id, (p, id) => p.Id = id);

    public InMemoryHostStore<Customer> Customers { get; } = new(c => c.Id, (c, id) => c.Id = id);

    public InMemoryHostStore<Order> Orders { get; } = new(o => o.Id, (o, id) => o.Id = id);

    public InMemoryHostStore<Note> Notes { get; } = new(n => n.Id, (n, id) => n.Id = id);

    public CapturedLogs Logs { get; } = new();

    public string LinkStorePath => Path.Combine(_directory, "links.db");

    public TalkClient Talk => _provider.GetRequiredService<TalkClient>();

    public ILinkStore Links => _provider.GetRequiredService<ILinkStore>();

    public ISyncConnector Connector => _provider.GetServices<ISyncConnector>().Single();

    private Action<SyncEngineOptions>? Configure { get; }

    private int PageSize { get; }

    public static async Task<EngineHarness> StartAsync(Action<SyncEngineOptions>? configure = null, int pageSize = 100)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sesamtalk-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var shop = await CustomSystemEmulator.StartAsync();
        return new EngineHarness(directory, shop, configure, pageSize);
    }

    /// <summary>A new process: a new container over the same link store file, host stores and emulator.</summary>
    public async Task RestartAsync()
    {
        await _provider.DisposeAsync();
        _provider = Build();
    }

    public static SyncFlowId Flow(string entity, string type) => new(entity, new SyncTarget("Shop", type));

    public string SeedShop(string type, JsonObject fields, DateTimeOffset? modifiedAt = null) => Shop.Seed(type, fields, modifiedAt);

    public JsonObject ShopFields(string type, string id) => Shop.GetRecord(type, id)!.Fields;

    public IReadOnlyList<CustomRecord> ShopRecords(string type) => Shop.GetRecords(type);

    /// <summary>Writes the Shop took: creates, updates and deletes of any kind, single or batched.</summary>
    public int ShopWrites() =>
        Shop.CallCount(CustomEndpoint.Create) + Shop.CallCount(CustomEndpoint.Update) + Shop.CallCount(CustomEndpoint.Delete) + Shop.CallCount(CustomEndpoint.Batch);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Shop.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow disk is left for the OS to clean up.
        }
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Logs);
        services.AddSingleton(typeof(ILogger<>), typeof(CapturingLogger<>));
        services.AddSingleton<IHostStore<Product>>(Products);
        services.AddSingleton<IHostStore<Customer>>(Customers);
        services.AddSingleton<IHostStore<Order>>(Orders);
        services.AddSingleton<IHostStore<Note>>(Notes);
        services.AddCustomSystemConnector("Shop", options =>
        {
            options.BaseUrl = Shop.BaseUrl;
            options.ApiKey = Shop.ApiKey;
            options.PageSize = PageSize;
            options.MaxRetries = 3;
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
        });
        services.AddSesamTalk()
            .AddEngine(Configure)
            .UseSqliteLinkStore(LinkStorePath);
        return services.BuildServiceProvider();
    }
}
