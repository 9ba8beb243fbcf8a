using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;
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
    public void A_section_without_a_refresh_token_stops_the_start_unless_the_system_needs_none()
    {
        var configuration = Configuration(new()
        {
            ["SesamTalk:ExactOnline:BaseUrl"] = "https://start.exactonline.nl",
            ["SesamTalk:ExactOnline:ClientId"] = "client",
            ["SesamTalk:ExactOnline:ClientSecret"] = "secret",
            ["SesamTalk:SuperOffice:LoginBaseUrl"] = "https://online.superoffice.com",
            ["SesamTalk:SuperOffice:Tenant"] = "Cust12345",
            ["SesamTalk:SuperOffice:ClientId"] = "client",
            ["SesamTalk:SuperOffice:ClientSecret"] = "secret",
            ["SesamTalk:SuperOfficeSystemUser:LoginBaseUrl"] = "https://online.superoffice.com",
            ["SesamTalk:SuperOfficeSystemUser:Tenant"] = "Cust12345",
            ["SesamTalk:SuperOfficeSystemUser:ClientId"] = "client",
            ["SesamTalk:SuperOfficeSystemUser:ClientSecret"] = "secret",
            ["SesamTalk:SuperOfficeSystemUser:SystemUser:SystemToken"] = "system-token",
            ["SesamTalk:SuperOfficeSystemUser:SystemUser:PrivateKeyPem"] = "a-key",
        });
        var services = new ServiceCollection();
        services.AddSesamTalk()
            .AddExactOnline(configuration.GetSection("SesamTalk:ExactOnline"))
            .AddSuperOffice(configuration.GetSection("SesamTalk:SuperOffice"))
            .AddSuperOffice(configuration.GetSection("SesamTalk:SuperOfficeSystemUser"), "SuperOfficeSystemUser");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var messages = error.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Equal(
            [
                "SesamTalk:ExactOnline:RefreshToken is not set: the refresh token from authorising the app once (authorization-code flow); set RefreshTokenFile to keep its rotations.",
                "SesamTalk:SuperOffice:RefreshToken is not set: the refresh token from authorising the app once (set RefreshTokenFile to keep it across restarts), or configure SystemUser.",
            ],
            messages.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_generic_host_refuses_to_start_with_one_error_naming_every_missing_setting_of_every_system(bool backgroundSync)
    {
        var directory = Directory.CreateTempSubdirectory("sesamtalk-startup-");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SesamTalk:Custom:Shop:BaseUrl"] = "https://shop.example.com/api/",
            ["SesamTalk:Custom:Customcrm:ApiKey"] = "a-key",
        });
        var sesamTalk = builder.Services.AddSesamTalk()
            .AddCustomSystem("Shop", builder.Configuration.GetSection("SesamTalk:Custom:Shop"))
            .AddCustomSystem("Customcrm", builder.Configuration.GetSection("SesamTalk:Custom:Customcrm"))
            .AddEngine()
            .UseSqliteLinkStore(Path.Combine(directory.FullName, "links.db"));
        if (backgroundSync)
        {
            sesamTalk.AddBackgroundSync();
        }

        using var host = builder.Build();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var messages = Failures(error).ToList();
        Assert.Contains(messages, m => m.StartsWith("SesamTalk:Custom:Shop:ApiKey is not set", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SesamTalk:Custom:Customcrm:BaseUrl is not set", StringComparison.Ordinal));
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

        var background = Assert.Single(provider.GetServices<IHostedService>().OfType<SyncBackgroundService>());
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
    public void After_failed_runs_a_flow_backs_off_doubling_up_to_the_maximum_and_resets_after_a_clean_run()
    {
        var schedule = new SyncScheduleOptions { Interval = TimeSpan.FromMinutes(5), MaxBackoff = TimeSpan.FromMinutes(30) };

        var waits = Enumerable.Range(0, 6).Select(failures => FlowSchedule.NextWait(schedule, failures)).ToList();

        Assert.Equal(new[] { 5, 10, 20, 30, 30, 30 }, waits.Select(wait => (int)wait.TotalMinutes));
    }

    [Fact]
    public void A_failing_flow_backs_off_alone_and_the_healthy_flows_keep_their_interval()
    {
        var schedule = new SyncScheduleOptions { Interval = TimeSpan.FromMinutes(5), MaxBackoff = TimeSpan.FromHours(1) };
        var failing = new SyncFlowId("Article", new SyncTarget("ExactOnline", "Items"));
        var healthy = new SyncFlowId("Product", new SyncTarget("Shop", "Product"));
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var flows = new FlowSchedule(schedule, [failing, healthy], start);

        var now = start;
        var runs = new List<(int Failing, int Healthy)>();
        for (var run = 0; run < 12 && flows.NextDue is { } next; run++)
        {
            now = next;
            var due = flows.DueAt(now);
            runs.Add((due.Contains(failing) ? 1 : 0, due.Contains(healthy) ? 1 : 0));
            foreach (var flow in due)
            {
                flows.Ran(flow, failed: flow == failing, now);
            }
        }

        // 12 runs, every 5 minutes: the healthy flow runs in each; the failing one at 0, 10 and 30 minutes (waits of 10, 20, 40).
        Assert.Equal(start.AddMinutes(55), now);
        Assert.Equal(12, runs.Sum(run => run.Healthy));
        Assert.Equal(3, runs.Sum(run => run.Failing));
        Assert.Equal(3, flows.Failures(failing));
        Assert.Equal(0, flows.Failures(healthy));
    }

    [Fact]
    public async Task The_background_sync_keeps_a_healthy_flow_on_its_interval_while_failing_flows_back_off()
    {
        // Only Product has a host store, so every other entity of the model fails on every cycle.
        var logs = await RunBackgroundSyncAsync(new()
        {
            ["SesamTalk:Schedule:InitialDelay"] = "00:00:00",
            ["SesamTalk:Schedule:Interval"] = "00:00:00.100",
        }, until: "Product→Shop/Product: cycle done", times: 8);

        var healthyCycles = Count(logs, "Product→Shop/Product: cycle done");
        Assert.True(healthyCycles >= 8, $"The healthy flow ran {healthyCycles} times in 20 s at a 100 ms interval.");
        Assert.True(Count(logs, "could not sync Customer") < healthyCycles, logs.All);
        Assert.Contains(logs.Lines, line => line.Contains("SesamTalk Customer→Shop/Customer failed 2 runs in a row; it backs off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_flow_is_left_out_of_the_background_sync_and_said_once_at_debug_level()
    {
        var logs = await RunBackgroundSyncAsync(new()
        {
            ["SesamTalk:Engine:Flows:Product:Enabled"] = "false",
            ["SesamTalk:Schedule:InitialDelay"] = "00:00:00",
            ["SesamTalk:Schedule:Interval"] = "00:00:00.050",
        }, until: "SesamTalk run done", times: 3);

        Assert.True(Count(logs, "SesamTalk run done") >= 3, logs.All);
        var disabled = Assert.Single(logs.Lines, line => line.Contains("Product→Shop/Product", StringComparison.Ordinal));
        Assert.StartsWith("Debug ", disabled, StringComparison.Ordinal);
        Assert.Contains("is disabled", disabled, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_system_that_refuses_the_stored_grant_is_reported_as_needing_re_authorisation_with_the_setting_and_file_to_change(bool tokenFile)
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
            ["SesamTalk:ExactOnline:RefreshTokenFile"] = tokenFile ? Path.Combine(directory.FullName, "exact.token") : null,
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
        Assert.Contains("Put the new refresh token in SesamTalk:ExactOnline:RefreshToken and restart", refused.StopReason, StringComparison.Ordinal);
        Assert.Equal(tokenFile, refused.StopReason!.Contains(Path.Combine(directory.FullName, "exact.token"), StringComparison.Ordinal));
        Assert.DoesNotContain("a-token-that-was-revoked", refused.StopReason, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, after.Entries["sesamtalk-exactonline"].Status);
        Assert.Contains("needs re-authorisation", after.Entries["sesamtalk-exactonline"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Entries["sesamtalk-shop"].Status);
        Assert.DoesNotContain("a-token-that-was-revoked", after.Entries["sesamtalk-exactonline"].Description, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the background sync of Product to a Shop emulator until <paramref name="until"/> was logged
    /// <paramref name="times"/> times, or 20 s passed; returns its log.
    /// </summary>
    private static async Task<CapturedLogs> RunBackgroundSyncAsync(Dictionary<string, string?> settings, string until, int times)
    {
        await using var shop = await CustomSystemEmulator.StartAsync();
        var directory = Directory.CreateTempSubdirectory("sesamtalk-schedule-");
        settings["SesamTalk:Custom:Shop:BaseUrl"] = shop.BaseUrl.ToString();
        settings["SesamTalk:Custom:Shop:ApiKey"] = shop.ApiKey;
        var configuration = Configuration(settings);
        var logs = new CapturedLogs();
        var products = new InMemoryHostStore<Product>(p => p.Id, (p, id) => p.Id = id);
        var services = ShopBackgroundSync.Services(configuration, products, Path.Combine(directory.FullName, "links.db"), logs);
        await using var provider = services.BuildServiceProvider();
        var background = Assert.Single(provider.GetServices<IHostedService>().OfType<SyncBackgroundService>());

        await background.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Count(logs, until) < times && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await background.StopAsync(CancellationToken.None);
        return logs;
    }

    private static int Count(CapturedLogs logs, string text) => logs.Lines.Count(line => line.Contains(text, StringComparison.Ordinal));

    private static IEnumerable<string> Failures(Exception error) => error switch
    {
        OptionsValidationException invalid => invalid.Failures,
        AggregateException several => several.InnerExceptions.SelectMany(Failures),
        _ => [],
    };

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
