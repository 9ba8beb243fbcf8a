using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.Hosting;

/// <summary>The host integration: configuration-bound registration, start-up validation, the background schedule and the health checks.</summary>
public sealed class HostingTests
{
    [Fact]
    public void A_missing_setting_stops_the_start_with_a_message_that_names_it()
    {
        var configuration = Configuration(new()
        {
            ["SesamTalk:Salesforce:LoginUrl"] = "https://login.salesforce.com",
            ["SesamTalk:Custom:Customcrm:BaseUrl"] = "https://crm.example.com/api/",
        });
        var services = new ServiceCollection();
        services.AddSesamTalk()
            .AddSalesforce(configuration.GetSection("SesamTalk:Salesforce"))
            .AddCustomSystem("Customcrm", configuration.GetSection("SesamTalk:Custom:Customcrm"));
        using var provider = services.BuildServiceProvider();

        // What the generic host runs before it starts any hosted service.
        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var messages = error.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(messages, m => m.StartsWith("SesamTalk:Salesforce:ClientId is not set: the connected app's consumer key.", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SesamTalk:Salesforce:ClientSecret is not set", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SesamTalk:Custom:Customcrm:ApiKey is not set", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("LoginUrl", StringComparison.Ordinal) || m.Contains("BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Systems_flows_the_link_store_and_the_schedule_come_from_configuration_and_the_background_sync_runs()
    {
        await using var shop = await CustomSystemEmulator.StartAsync();
        var directory = Directory.CreateTempSubdirectory("sesamtalk-hosting-");
        var configuration = Configuration(new()
        {
            ["SesamTalk:Custom:Shop:BaseUrl"] = shop.BaseUrl.ToString(),
            ["SesamTalk:Custom:Shop:ApiKey"] = shop.ApiKey,
            ["SesamTalk:Engine:Flows:Product:Deletes"] = "Propagate",
            ["SesamTalk:Engine:Flows:Product:MassChangeMinimum"] = "7",
            ["SesamTalk:Engine:Flows:Product:DeletionScanInterval"] = "",
            ["SesamTalk:Engine:Flows:Note:DeletionScanInterval"] = "00:05:00",
            ["SesamTalk:LinkStore:Path"] = Path.Combine(directory.FullName, "links.db"),
            ["SesamTalk:Schedule:InitialDelay"] = "00:00:00",
            ["SesamTalk:Schedule:Interval"] = "00:00:00.200",
        });
        var products = new InMemoryHostStore<Product>(p => p.Id, (p, id) => p.Id = id);
        await products.SaveAsync(new Product { Sku = "BG-1", Name = "Scheduled" }, default);
        var services = new ServiceCollection();
        services.AddSingleton<IHostStore<Product>>(products);
        services.AddSesamTalk()
            .AddCustomSystem("Shop", configuration.GetSection("SesamTalk:Custom:Shop"))
            .AddEngine(configuration.GetSection("SesamTalk:Engine"))
            .UseSqliteLinkStore(configuration.GetSection("SesamTalk:LinkStore"))
            .AddBackgroundSync(configuration.GetSection("SesamTalk:Schedule"));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var flow = provider.GetRequiredService<IOptions<SyncEngineOptions>>().Value.ForFlow("Product", new SyncTarget("Shop", "Product"));
        Assert.Equal((DeletePolicy.Propagate, 7, (TimeSpan?)null), (flow.Deletes, flow.MassChangeMinimum, flow.DeletionScanInterval));
        var notes = provider.GetRequiredService<IOptions<SyncEngineOptions>>().Value.ForFlow("Note", new SyncTarget("Shop", "Note"));
        Assert.Equal(TimeSpan.FromMinutes(5), notes.DeletionScanInterval);

        var background = Assert.Single(provider.GetServices<IHostedService>());
        await background.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (shop.GetRecords("Product").Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // A second product saved while the service runs arrives on a later run of the schedule.
        await products.SaveAsync(new Product { Sku = "BG-2", Name = "Later" }, default);
        while (shop.GetRecords("Product").Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await background.StopAsync(CancellationToken.None);
        Assert.Equal(new[] { "BG-1", "BG-2" }, shop.GetRecords("Product").Select(r => (string?)r.Fields["Sku"]).Order());
        Assert.True(File.Exists(Path.Combine(directory.FullName, "links.db")));
    }

    [Fact]
    public void After_failed_runs_the_schedule_backs_off_doubling_up_to_the_maximum_and_resets_after_a_clean_run()
    {
        var schedule = new SyncScheduleOptions { Interval = TimeSpan.FromMinutes(5), MaxBackoff = TimeSpan.FromMinutes(30) };

        var waits = Enumerable.Range(0, 6).Select(failures => SyncBackgroundService.NextWait(schedule, failures)).ToList();

        Assert.Equal(new[] { 5, 10, 20, 30, 30, 30 }, waits.Select(wait => (int)wait.TotalMinutes));
    }

    [Fact]
    public async Task A_system_that_refuses_the_stored_grant_is_reported_as_needing_re_authorisation()
    {
        await using var exact = await ExactOnlineEmulator.StartAsync(new ExactOnlineEmulatorOptions());
        await using var shop = await CustomSystemEmulator.StartAsync();
        var directory = Directory.CreateTempSubdirectory("sesamtalk-health-");
        var configuration = Configuration(new()
        {
            ["SesamTalk:ExactOnline:BaseUrl"] = exact.BaseUrl.ToString(),
            ["SesamTalk:ExactOnline:ClientId"] = exact.ClientId,
            ["SesamTalk:ExactOnline:ClientSecret"] = exact.ClientSecret,
            ["SesamTalk:ExactOnline:RedirectUri"] = exact.RedirectUri,
            ["SesamTalk:ExactOnline:RefreshToken"] = "a-token-that-was-revoked",
            ["SesamTalk:Custom:Shop:BaseUrl"] = shop.BaseUrl.ToString(),
            ["SesamTalk:Custom:Shop:ApiKey"] = shop.ApiKey,
        });
        var articles = new InMemoryHostStore<Article>(a => a.Id, (a, id) => a.Id = id);
        await articles.SaveAsync(new Article { Code = "A-1", Name = "Anvil" }, default);
        var products = new InMemoryHostStore<Product>(p => p.Id, (p, id) => p.Id = id);
        await products.SaveAsync(new Product { Sku = "A-1", Name = "Anvil" }, default);
        var services = new ServiceCollection();
        services.AddSingleton<IHostStore<Article>>(articles);
        services.AddSingleton<IHostStore<Product>>(products);
        services.AddSesamTalk()
            .AddExactOnline(configuration.GetSection("SesamTalk:ExactOnline"))
            .AddCustomSystem("Shop", configuration.GetSection("SesamTalk:Custom:Shop"))
            .AddEngine()
            .UseSqliteLinkStore(Path.Combine(directory.FullName, "links.db"));
        services.AddHealthChecks().AddSesamTalk();
        await using var provider = services.BuildServiceProvider();
        var talk = provider.GetRequiredService<TalkClient>();
        var health = provider.GetRequiredService<HealthCheckService>();

        var before = await health.CheckHealthAsync();
        var refused = (await talk.Articles.SyncAsync()).Flows.Single();
        await talk.Products.SyncAsync();
        var after = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.True(refused.Stopped && refused.Failed);
        Assert.Equal(HealthStatus.Unhealthy, after.Entries["sesamtalk-exactonline"].Status);
        Assert.Contains("needs re-authorisation", after.Entries["sesamtalk-exactonline"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Entries["sesamtalk-shop"].Status);
        Assert.DoesNotContain("a-token-that-was-revoked", after.Entries["sesamtalk-exactonline"].Description, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
