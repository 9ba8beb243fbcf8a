using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using SesamTalk.Samples.SyncJob.Hosts;
using SesamTalk.Samples.SyncJob.Remote;
using SesamTalk.Testing.Demo;

namespace SesamTalk.Dashboard.Tests;

/// <summary>
/// The app under test: the main job's embedded emulators with their demo data, the sample webshop host (its engine,
/// SQLite link store and database) after one cycle of all its flows, a Kestrel host on a free loopback port serving
/// the dashboard over it at <c>/sesamtalk</c>, and headless chromium.
/// </summary>
public sealed class DashboardApp : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "sesamtalk-dashboard-" + Guid.NewGuid().ToString("N"));
    private EmbeddedSystems? _systems;
    private WebshopHost? _webshop;
    private WebApplication? _web;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    internal EmbeddedSystems Systems => _systems ?? throw new InvalidOperationException("Not started.");

    internal WebshopHost Webshop => _webshop ?? throw new InvalidOperationException("Not started.");

    /// <summary>The rows a list page shows at once: small, so the sample's flows have a second page of links.</summary>
    public const int PageSize = 10;

    /// <summary>The dashboard's address, e.g. <c>http://127.0.0.1:41234/sesamtalk</c>.</summary>
    public string DashboardUrl { get; private set; } = "";

    /// <summary>Where each test's screenshots go: a folder under the test output.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        await Chromium.EnsureInstalledAsync();
        Directory.CreateDirectory(_state);
        Directory.CreateDirectory(ScreenshotFolder);

        _systems = await EmbeddedSystems.StartAsync(new ConfigurationBuilder().Build(), CancellationToken.None);
        RemoteDemoData.SeedSalesforce(_systems.Salesforce!);
        RemoteDemoData.SeedSuperOffice(_systems.SuperOffice!);
        RemoteDemoData.SeedCustomcrm(_systems.Customcrm!);
        _webshop = await WebshopHost.OpenAsync(_systems.Configuration, _state, NullLoggerFactory.Instance, CancellationToken.None);
        await _webshop.SyncAllAsync(new Progress<SyncProgress>(), CancellationToken.None);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        builder.Services.AddSesamTalkDashboard();
        _web = builder.Build();
        _web.MapSesamTalkDashboard("/sesamtalk", options =>
        {
            options.AddHost(WebshopHost.SystemName, _webshop.Services);
            options.PageSize = PageSize;
        });
        await _web.StartAsync();
        var address = _web.Urls.Single();
        DashboardUrl = address.TrimEnd('/') + "/sesamtalk";

        // CI runs every test assembly at once on 2 cores: a cycle run from a page can take longer than the default 5 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = Chromium.Arguments });
    }

    /// <summary>A fresh page in a fresh browser context (its own cookies, so its own antiforgery token).</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (_browser ?? throw new InvalidOperationException("Not started.")).NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as a test artifact.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        if (_webshop is not null)
        {
            await _webshop.DisposeAsync();
        }

        if (_systems is not null)
        {
            await _systems.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}

/// <summary>The browser tests share one app and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedDashboardApp : ICollectionFixture<DashboardApp>
{
    public const string Name = "Dashboard app";
}
