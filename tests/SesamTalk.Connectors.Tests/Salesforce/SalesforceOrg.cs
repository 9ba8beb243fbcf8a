using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>An emulated org and a connector wired to it through DI, as a host would wire it.</summary>
internal sealed class SalesforceOrg : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SalesforceOrg(SalesforceEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
    }

    public SalesforceEmulator Emulator { get; }

    public SalesforceClient Client => _services.GetRequiredService<SalesforceClient>();

    public SalesforceApiUsage Usage => _services.GetRequiredService<SalesforceApiUsage>();

    /// <summary>The org's connector as the engine finds it: among every registered connector, by system name.</summary>
    public ISyncConnector Connector => _services.GetServices<ISyncConnector>().Single(c => c.System == "Salesforce");

    public static Task<SalesforceOrg> StartAsync(string? clientSecret = null, int dailyCallReserve = 0) =>
        StartAsync(clientSecret, dailyCallReserve, refreshToken: null);

    /// <summary>Starts an org whose change reads start <paramref name="changeOverlap"/> before their cursor (the other overloads read strictly after it).</summary>
    public static Task<SalesforceOrg> StartAsync(TimeSpan changeOverlap) =>
        StartAsync(null, 0, refreshToken: null, changeOverlap);

    /// <summary>Starts an org whose emulator <paramref name="configure"/> sets up (e.g. a host's catalogs).</summary>
    public static Task<SalesforceOrg> StartAsync(Action<SalesforceEmulatorOptions> configure) =>
        StartAsync(null, 0, refreshToken: null, configure: configure);

    public static async Task<SalesforceOrg> StartAsync(string? clientSecret, int dailyCallReserve, Func<SalesforceEmulator, string>? refreshToken, TimeSpan changeOverlap = default, Action<SalesforceEmulatorOptions>? configure = null)
    {
        var options = new SalesforceEmulatorOptions();
        configure?.Invoke(options);
        var emulator = await SalesforceEmulator.StartAsync(options);
        var refresh = refreshToken?.Invoke(emulator);
        var services = new ServiceCollection()
            .AddSalesforceConnector(options =>
            {
                options.LoginUrl = emulator.BaseUrl;
                options.ClientId = emulator.ClientId;
                options.ClientSecret = clientSecret ?? emulator.ClientSecret;
                options.MaxRetryDelay = TimeSpan.FromSeconds(2); // waits out the emulators' whole-second Retry-Afters
                options.DailyCallReserve = dailyCallReserve;
                options.RefreshToken = refresh;
                options.ChangeOverlap = changeOverlap;
            })
            .BuildServiceProvider();
        return new SalesforceOrg(emulator, services);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
