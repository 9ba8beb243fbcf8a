using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>
/// An emulated org and a connector wired to it through DI, as a host would wire it, with its bulk job log in a
/// directory of its own. <see cref="RestartAsync"/> wires a new connector to the same org and log, as a process that
/// crashed and started again would.
/// </summary>
internal sealed class SalesforceOrg : IAsyncDisposable
{
    private readonly Action<SalesforceOptions> _configure;
    private readonly string _jobLog;
    private readonly bool _ownsEmulator;
    private ServiceProvider _services;

    private SalesforceOrg(SalesforceEmulator emulator, Action<SalesforceOptions> configure, string jobLog, bool ownsEmulator = true)
    {
        Emulator = emulator;
        _configure = configure;
        _jobLog = jobLog;
        _ownsEmulator = ownsEmulator;
        _services = Build();
    }

    public SalesforceEmulator Emulator { get; }

    public SalesforceClient Client => _services.GetRequiredKeyedService<SalesforceClient>("Salesforce");

    public SalesforceApiUsage Usage => _services.GetRequiredKeyedService<SalesforceApiUsage>("Salesforce");

    /// <summary>The org's connector as the engine finds it: among every registered connector, by system name.</summary>
    public ISyncConnector Connector => _services.GetServices<ISyncConnector>().Single(c => c.System == "Salesforce");

    /// <summary>The files of the bulk job log.</summary>
    public IEnumerable<string> JobLogFiles => Directory.Exists(_jobLog) ? Directory.EnumerateFiles(_jobLog) : [];

    public static Task<SalesforceOrg> StartAsync(string? clientSecret = null, int dailyCallReserve = 0) =>
        StartAsync(clientSecret, dailyCallReserve, refreshToken: null);

    /// <summary>Starts an org whose change reads start <paramref name="changeOverlap"/> before their cursor (the other overloads read strictly after it).</summary>
    public static Task<SalesforceOrg> StartAsync(TimeSpan changeOverlap) =>
        StartAsync(null, 0, refreshToken: null, changeOverlap);

    public static Task<SalesforceOrg> StartAsync(string? clientSecret, int dailyCallReserve, Func<SalesforceEmulator, string>? refreshToken, TimeSpan changeOverlap = default) =>
        StartAsync(options =>
        {
            options.ClientSecret = clientSecret ?? options.ClientSecret;
            options.DailyCallReserve = dailyCallReserve;
            options.ChangeOverlap = changeOverlap;
        }, refreshToken: refreshToken);

    /// <summary>Starts an org with the connector's options as <paramref name="configure"/> sets them (after the test defaults).</summary>
    public static async Task<SalesforceOrg> StartAsync(Action<SalesforceOptions> configure, Action<SalesforceEmulatorOptions>? emulator = null, Func<SalesforceEmulator, string>? refreshToken = null)
    {
        var emulatorOptions = new SalesforceEmulatorOptions();
        emulator?.Invoke(emulatorOptions);
        return Connect(await SalesforceEmulator.StartAsync(emulatorOptions), configure, refreshToken, ownsEmulator: true);
    }

    /// <summary>A second connector, with options of its own, on an org another test object started (and disposes).</summary>
    public static Task<SalesforceOrg> StartOnAsync(SalesforceEmulator org, Action<SalesforceOptions> configure) =>
        Task.FromResult(Connect(org, configure, refreshToken: null, ownsEmulator: false));

    private static SalesforceOrg Connect(SalesforceEmulator org, Action<SalesforceOptions> configure, Func<SalesforceEmulator, string>? refreshToken, bool ownsEmulator)
    {
        var refresh = refreshToken?.Invoke(org);
        var jobLog = Path.Combine(Path.GetTempPath(), "sesamtalk-bulk-jobs-" + Guid.NewGuid().ToString("N"));
        return new SalesforceOrg(org, options =>
        {
            options.LoginUrl = org.BaseUrl;
            options.ClientId = org.ClientId;
            options.ClientSecret = org.ClientSecret;
            options.MaxRetryDelay = TimeSpan.FromSeconds(2); // waits out the emulators' whole-second Retry-Afters
            options.DailyCallReserve = 0;
            options.RefreshToken = refresh;
            options.ChangeOverlap = TimeSpan.Zero;
            options.BulkJobLog = jobLog;
            options.BulkPollInterval = TimeSpan.FromMilliseconds(20);
            options.BulkMaxPollInterval = TimeSpan.FromMilliseconds(100);
            configure(options);
        }, jobLog, ownsEmulator);
    }

    /// <summary>Drops the connector (its memory and its sessions) and wires a new one to the same org and job log.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }

        if (Directory.Exists(_jobLog))
        {
            Directory.Delete(_jobLog, recursive: true);
        }
    }

    private ServiceProvider Build() => new SesamTalkBuilder(new ServiceCollection()).AddSalesforce(_configure).Services.BuildServiceProvider();
}
