using SesamTalk;
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
    private InMemoryHostStore<Product>? _products;
    private InMemoryHostStore<Customer>? _customers;
    private BatchReadingHostStore<Customer>? _customerReads;
    private InMemoryHostStore<Order>? _orders;
    private InMemoryHostStore<Note>? _notes;
    private InMemoryHostStore<Memo>? _memos;
    private InMemoryHostStore<Lead>? _leads;
    private InMemoryHostStore<Tally>? _tallies;

    private EngineHarness(string directory, CustomSystemEmulator shop, ShiftedClock shopClock, Action<SyncEngineOptions>? configure, int pageSize)
    {
        ShopClock = shopClock;
        _directory = directory;
        Shop = shop;
        Configure = configure;
        PageSize = pageSize;
        _provider = Build();
    }

    public CustomSystemEmulator Shop { get; }

    /// <summary>The Shop's clock (its stamps and its change feed's horizon), moved forward when its edit must be the later one.</summary>
    public ShiftedClock ShopClock { get; }

    /// <summary>The host stores' clock: the system clock, moved forward when a scenario needs the host's edit to be the later one.</summary>
    public ShiftedClock HostClock { get; } = new();

    public InMemoryHostStore<Product> Products => _products ??= new(p => p.Id, (p, id) => p.Id = id, HostClock);

    public InMemoryHostStore<Customer> Customers => _customers ??= new(c => c.Id, (c, id) => c.Id = id, HostClock);

    /// <summary>The customers' store as the engine sees it: it also reads many records at a time, and counts its reads.</summary>
    internal BatchReadingHostStore<Customer> CustomerReads => _customerReads ??= new(Customers);

    public InMemoryHostStore<Order> Orders => _orders ??= new(o => o.Id, (o, id) => o.Id = id, HostClock);

    public InMemoryHostStore<Note> Notes => _notes ??= new(n => n.Id, (n, id) => n.Id = id, HostClock);

    public InMemoryHostStore<Tally> Tallies => _tallies ??= new(t => t.Id, (t, id) => t.Id = id, HostClock);

    public InMemoryHostStore<Lead> Leads => _leads ??= new(l => l.Id, (l, id) => l.Id = id, HostClock);

    public InMemoryHostStore<Memo> Memos => _memos ??= new(m => m.Id, (m, id) => m.Id = id, HostClock);

    public CapturedLogs Logs { get; } = new();

    public string LinkStorePath => Path.Combine(_directory, "links.db");

    public TalkClient Talk => _provider.GetRequiredService<TalkClient>();

    public ILinkStore Links => _provider.GetRequiredService<ILinkStore>();

    /// <summary>This app's engine instruments (its meter is its own among the tests running in parallel).</summary>
    public SyncMetrics Metrics => _provider.GetRequiredService<SyncMetrics>();

    /// <summary>Makes the next link-store commit fail as if the process died just before it.</summary>
    public void CrashBeforeNextCommit() => _provider.GetRequiredService<CrashingLinkStore>().CrashBeforeNextCommit();

    public void CrashAfterNextIntents() => _provider.GetRequiredService<CrashingLinkStore>().CrashAfterNextIntents();

    /// <summary>Another process takes the flow's lease over when the engine next looks up a page of host records' links.</summary>
    public void TakeOverLeaseAtNextHostLookup() => _provider.GetRequiredService<CrashingLinkStore>().TakeOverLeaseAtNextHostLookup();

    /// <summary>How many times the engine looked up one record's link by itself so far.</summary>
    public int SingleLinkLookups => _provider.GetRequiredService<CrashingLinkStore>().SingleLookups;

    /// <summary>How many times the engine looked up the links of a page of records together so far.</summary>
    public int PageLinkLookups => _provider.GetRequiredService<CrashingLinkStore>().PageLookups;

    /// <summary>How many link-store transactions the engine committed so far.</summary>
    public int LinkStoreCommits => _provider.GetRequiredService<CrashingLinkStore>().Commits;

    public ISyncConnector Connector => _provider.GetServices<ISyncConnector>().Single();

    private Action<SyncEngineOptions>? Configure { get; set; }

    private int PageSize { get; }

    public static async Task<EngineHarness> StartAsync(Action<SyncEngineOptions>? configure = null, int pageSize = 100, CustomSystemEmulatorOptions? shop = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sesamtalk-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var clock = new ShiftedClock();
        shop ??= new CustomSystemEmulatorOptions();
        shop.TimeProvider ??= clock;
        var emulator = await CustomSystemEmulator.StartAsync(shop);
        return new EngineHarness(directory, emulator, clock, configure, pageSize);
    }

    /// <summary>A new process: a new container over the same link store file, host stores and emulator.</summary>
    public async Task RestartAsync(Action<SyncEngineOptions>? configure = null)
    {
        await _provider.DisposeAsync();
        Configure = configure ?? Configure;
        _provider = Build();
    }

    public static SyncFlowId Flow(string entity, string type) => new(entity, new SyncTarget("Shop", type));

    /// <summary>Seeds a Shop record, then lets the Shop's clock pass the millisecond, so the change feed's horizon already lists it.</summary>
    public string SeedShop(string type, JsonObject fields, DateTimeOffset? modifiedAt = null)
    {
        var id = Shop.Seed(type, fields, modifiedAt);
        ShopClock.Advance(TimeSpan.FromMilliseconds(1));
        return id;
    }

    /// <summary>Deletes a Shop record, then lets the Shop's clock pass the millisecond, so the change feed's horizon already lists the tombstone.</summary>
    public void DeleteShop(string type, string id)
    {
        Shop.Delete(type, id);
        ShopClock.Advance(TimeSpan.FromMilliseconds(1));
    }

    /// <summary>Edits a Shop record, then lets the Shop's clock pass the millisecond, so the change feed's horizon already lists the edit.</summary>
    public void EditShop(string type, string id, JsonObject fields)
    {
        Shop.Edit(type, id, fields);
        ShopClock.Advance(TimeSpan.FromMilliseconds(1));
    }

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
        services.AddSingleton<TimeProvider>(ShopClock); // the connector paces by the Shop's rate-limit window, on the Shop's clock
        services.AddSingleton(typeof(ILogger<>), typeof(CapturingLogger<>));
        services.AddSingleton<IHostStore<Product>>(Products);
        services.AddSingleton<IHostStore<Customer>>(CustomerReads);
        services.AddSingleton<IHostStore<Order>>(Orders);
        services.AddSingleton<IHostStore<Note>>(Notes);
        services.AddSingleton<IHostStore<Memo>>(Memos);
        services.AddSingleton<IHostStore<Lead>>(Leads);
        services.AddSingleton<IHostStore<Tally>>(Tallies);
        services.AddSingleton(_ => new CrashingLinkStore(SqliteLinkStore.OpenAsync(LinkStorePath).GetAwaiter().GetResult()));
        services.AddSingleton<ILinkStore>(provider => provider.GetRequiredService<CrashingLinkStore>());
        services.AddSesamTalk()
            .AddCustomSystem("Shop", options =>
            {
                options.BaseUrl = Shop.BaseUrl;
                options.ApiKey = Shop.ApiKey;
                options.PageSize = PageSize;
                options.MaxRetries = 3;
                options.MaxRetryDelay = TimeSpan.FromSeconds(2); // waits out short Retry-Afters, stops on a used-up window
            })
            .AddEngine(Configure)
            .UseSqliteLinkStore(LinkStorePath);
        return services.BuildServiceProvider();
    }
}
