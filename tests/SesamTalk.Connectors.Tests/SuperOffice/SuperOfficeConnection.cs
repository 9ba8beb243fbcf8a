using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Connectors.Tests.ExactOnline;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>An emulated SuperOffice tenant and a connector wired to it through DI, as a host would wire it.</summary>
internal sealed class SuperOfficeConnection : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 9, 10, 12, 0, 30, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private SuperOfficeConnection(SuperOfficeEmulator emulator, ServiceProvider services, InMemorySuperOfficeTokenStore tokens, VirtualClock clock)
    {
        Emulator = emulator;
        _services = services;
        Tokens = tokens;
        Clock = clock;
    }

    public SuperOfficeEmulator Emulator { get; }

    public InMemorySuperOfficeTokenStore Tokens { get; }

    public VirtualClock Clock { get; }

    public SuperOfficeClient Client => _services.GetRequiredKeyedService<SuperOfficeClient>("SuperOffice");

    /// <summary>The tenant's connector as the engine finds it: among every registered connector, by system name.</summary>
    public ISyncConnector Connector => _services.GetServices<ISyncConnector>().Single(c => c.System == "SuperOffice");

    /// <summary>Starts an emulator and a connector on one virtual clock; the store starts with a valid refresh token.</summary>
    public static async Task<SuperOfficeConnection> StartAsync(Action<SuperOfficeEmulatorOptions>? emulator = null, int pageSize = 500)
    {
        var clock = new VirtualClock(Start);
        var emulatorOptions = new SuperOfficeEmulatorOptions { TimeProvider = clock };
        emulator?.Invoke(emulatorOptions);
        var running = await SuperOfficeEmulator.StartAsync(emulatorOptions);
        var tokens = new InMemorySuperOfficeTokenStore(running.IssueRefreshToken());
        var services = new SesamTalkBuilder(new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddKeyedSingleton<ISuperOfficeTokenStore>("SuperOffice", tokens))
            .AddSuperOffice(options =>
            {
                options.LoginBaseUrl = running.BaseUrl;
                options.Tenant = running.ContextIdentifier;
                options.ClientId = running.ClientId;
                options.ClientSecret = running.ClientSecret;
                options.RedirectUri = running.RedirectUri;
                options.PageSize = pageSize;
            }).Services
            .BuildServiceProvider();
        return new SuperOfficeConnection(running, services, tokens, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
