using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// The background sync runs due flows one after another: a flow whose system's rate limit is used up must not hold the
/// others. Accounts sync with an emulated Exact Online division whose minutely limit is spent a second into its minute,
/// products with a Shop emulator; both are notified at once. The account flow stops at the limit and runs again when
/// it resets; the product edit arrives meanwhile.
/// </summary>
public sealed class RateLimitedFlowTests : IDisposable
{
    private const string AccountFlow = "Account→ExactOnline/Accounts";
    private const int MinutelyLimit = 1_000;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sesamtalk-rate-limited-");

    [Fact]
    public async Task A_notified_edit_of_another_system_is_not_held_behind_a_flow_waiting_for_Exact_Onlines_minutely_limit()
    {
        var clock = new ShiftedClock();
        await using var exact = await ExactOnlineEmulator.StartAsync(new ExactOnlineEmulatorOptions { MinutelyLimit = MinutelyLimit, DailyLimit = 100_000, TimeProvider = clock });
        var key = exact.Seed("Accounts", new JsonObject { ["Code"] = "RL-0001", ["Name"] = "Limited", ["City"] = "Delft", ["Status"] = "C" });
        await using var shop = await CustomSystemEmulator.StartAsync();
        var logs = new CapturedLogs();
        var accounts = new InMemoryHostStore<Account>(a => a.Id, (a, id) => a.Id = id, clock);
        var products = new InMemoryHostStore<Product>(p => p.Id, (p, id) => p.Id = id, clock);
        await products.SaveAsync(new Product { Sku = "RL-1", Name = "Paced" }, default);
        await using var provider = Build(exact, shop, clock, logs, accounts, products);
        var scheduler = Scheduler(provider);
        var engine = provider.GetRequiredService<ISyncEngine>();
        await scheduler.RunDueAsync(engine, default);
        Assert.Equal("Delft", accounts.Records.Single().City);

        // A second into a new minute, every call of it used: the next call to Exact would wait 59 s for the reset.
        var now = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(61 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond));
        var reset = Minute(clock.GetUtcNow()).AddMinutes(1);
        exact.SetRateLimitUsage(minutely: MinutelyLimit, daily: 10);
        exact.Edit("Accounts", key, new JsonObject { ["City"] = "Utrecht" });
        var remoteProduct = shop.GetRecords("Product").Single().Id;
        shop.Edit("Product", remoteProduct, new JsonObject { ["Stock"] = 7 });
        var inbox = provider.GetRequiredService<ISyncChangeNotifications>();
        inbox.RemoteChanged(new SyncTarget("ExactOnline", "Accounts"), [key.ToString()]);
        inbox.RemoteChanged(new SyncTarget("Shop", "Product"), [remoteProduct]);
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        // Held behind the wait, the run would last the rest of the minute.
        await scheduler.RunDueAsync(engine, default).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(7, products.Records.Single().Stock);
        Assert.Equal("Delft", accounts.Records.Single().City);
        Assert.Contains(logs.Lines, line => line.Contains($"{AccountFlow}: stopped at the last checkpoint: Exact Online's API quota is used up", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains($"SesamTalk {AccountFlow} stopped at its system's limit instead of waiting for it", StringComparison.Ordinal));
        Assert.InRange(scheduler.NextWake!.Value, reset, reset.AddSeconds(1));

        // At the reset the account flow runs again from its cursor: the edit it stopped before arrives.
        clock.Advance(scheduler.NextWake.Value - clock.GetUtcNow());
        await scheduler.RunDueAsync(engine, default);
        Assert.Equal("Utrecht", accounts.Records.Single().City);
    }

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);

    /// <summary>
    /// A host with accounts synced with <paramref name="exact"/> and products with <paramref name="shop"/> (every other
    /// flow off), notifications on (100 ms coalescing window; no change source runs, the test notifies), polling 5 minutes
    /// apart, on <paramref name="clock"/>.
    /// </summary>
    private ServiceProvider Build(ExactOnlineEmulator exact, CustomSystemEmulator shop, TimeProvider clock, CapturedLogs logs, InMemoryHostStore<Account> accounts, InMemoryHostStore<Product> products)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SesamTalk:Custom:Shop:BaseUrl"] = shop.BaseUrl.ToString(),
            ["SesamTalk:Custom:Shop:ApiKey"] = shop.ApiKey,
            ["SesamTalk:Schedule:InitialDelay"] = "00:00:00",
            ["SesamTalk:Schedule:Interval"] = "00:05:00",
            ["SesamTalk:Notifications:Enabled"] = "true",
            ["SesamTalk:Notifications:CoalesceWindow"] = "00:00:00.100",
            ["SesamTalk:Notifications:CallbackBaseUrl"] = "http://127.0.0.1:9/sesamtalk/notifications",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(logs);
        services.AddSingleton(typeof(ILogger<>), typeof(CapturingLogger<>));
        services.AddSingleton<IHostStore<Account>>(accounts);
        services.AddSingleton<IHostStore<Product>>(products);
        var links = Path.Combine(_directory.FullName, "links.db");
        var builder = services.AddSesamTalk();
        builder
            .AddCustomSystem("Shop", configuration.GetSection("SesamTalk:Custom:Shop"))
            .AddExactOnline(options =>
            {
                options.BaseUrl = exact.BaseUrl;
                options.ClientId = exact.ClientId;
                options.ClientSecret = exact.ClientSecret;
                options.RedirectUri = exact.RedirectUri;
                options.WebhookSecret = exact.WebhookSecret;
            })
            .AddEngine(options =>
            {
                foreach (var entity in builder.Model.Entities.Where(entity => entity.Name is not ("Account" or "Product")))
                {
                    options.Flows[entity.Name] = new SyncFlowOptions { Enabled = false };
                }

                options.Flows["Account/Salesforce/Account"] = new SyncFlowOptions { Enabled = false };
            })
            .UseSqliteLinkStore(links)
            .AddBackgroundSync(configuration.GetSection("SesamTalk:Schedule"))
            .AddChangeNotifications(configuration.GetSection("SesamTalk:Notifications"));
        services.AddKeyedSingleton<IExactOnlineTokenStore>("ExactOnline", new InMemoryExactOnlineTokenStore(exact.IssueRefreshToken()));
        services.AddSingleton(clock);
        services.AddSingleton<ILinkStore>(_ => SqliteLinkStore.OpenAsync(new SqliteLinkStoreOptions { Path = links, TimeProvider = clock }).GetAwaiter().GetResult());
        return services.BuildServiceProvider();
    }

    private static SyncScheduler Scheduler(ServiceProvider provider) => new(
        provider,
        provider.GetRequiredService<ISyncModel>(),
        provider.GetRequiredService<IOptions<SyncScheduleOptions>>().Value,
        provider.GetRequiredService<IOptions<SyncEngineOptions>>().Value,
        provider.GetRequiredService<SyncChangeNotifications>(),
        provider.GetRequiredService<IOptions<SyncNotificationOptions>>().Value.SafetyPollInterval,
        provider.GetRequiredService<TimeProvider>(),
        provider.GetRequiredService<ILogger<SyncBackgroundService>>());

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
