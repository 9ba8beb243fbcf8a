using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Custom;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Connectors.Tests.Custom;

/// <summary>An emulated custom system and a connector wired to it through DI, as a host would wire it.</summary>
internal sealed class CustomSystem : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CustomSystem(CustomSystemEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
    }

    public CustomSystemEmulator Emulator { get; }

    public CustomSystemClient Client => _services.GetRequiredService<CustomSystemClients>().Get("Customcrm");

    /// <summary>The system's connector as the engine finds it.</summary>
    public ISyncConnector Connector => _services.GetServices<ISyncConnector>().Single(c => c.System == "Customcrm");

    /// <summary>The host's services, for the parts a test takes by hand (the change source, the webhook receiver).</summary>
    public IServiceProvider Services => _services;

    public static async Task<CustomSystem> StartAsync(
        string? catalog = null, string? apiKey = null, int pageSize = 100, int rateLimit = 1000, TimeSpan? requestTimeout = null, Action<CustomConnectorOptions>? configure = null)
    {
        var emulator = await CustomSystemEmulator.StartAsync(new CustomSystemEmulatorOptions { Catalog = catalog, RateLimit = rateLimit, RateLimitWindow = TimeSpan.FromSeconds(1) });
        var services = new SesamTalkBuilder(new ServiceCollection())
            .AddCustomSystem("Customcrm", options =>
            {
                options.BaseUrl = emulator.BaseUrl;
                options.ApiKey = apiKey ?? emulator.ApiKey;
                options.PageSize = pageSize;
                options.MaxRetryDelay = TimeSpan.FromSeconds(2); // waits out the emulators' whole-second Retry-Afters
                options.RequestTimeout = requestTimeout ?? options.RequestTimeout;
                configure?.Invoke(options);
            }).Services
            .BuildServiceProvider();
        return new CustomSystem(emulator, services);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
