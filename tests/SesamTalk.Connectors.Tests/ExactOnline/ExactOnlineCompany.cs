using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>An emulated Exact Online division and a connector wired to it through DI, as a host would wire it.</summary>
internal sealed class ExactOnlineCompany : IAsyncDisposable
{
    /// <summary>Half a minute past noon: the first minutely window has 30 seconds left.</summary>
    public static readonly DateTimeOffset Start = new(2024, 9, 10, 12, 0, 30, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly List<ServiceProvider> _others = [];

    private ExactOnlineCompany(ExactOnlineEmulator emulator, ServiceProvider services, IExactOnlineTokenStore tokens, VirtualClock clock)
    {
        Emulator = emulator;
        _services = services;
        Tokens = tokens;
        Clock = clock;
    }

    public ExactOnlineEmulator Emulator { get; }

    public IExactOnlineTokenStore Tokens { get; }

    public VirtualClock Clock { get; }

    public ExactOnlineClient Client => _services.GetRequiredKeyedService<ExactOnlineClient>("ExactOnline");

    public ExactOnlineSession Session => _services.GetRequiredKeyedService<ExactOnlineSession>("ExactOnline");

    /// <summary>The division's connector as the engine finds it: among every registered connector, by system name.</summary>
    public ISyncConnector Connector => _services.GetServices<ISyncConnector>().Single(c => c.System == "ExactOnline");

    /// <summary>Starts an emulator and a connector on one virtual clock; the store starts with a valid refresh token unless one is given.</summary>
    public static async Task<ExactOnlineCompany> StartAsync(
        Action<ExactOnlineEmulatorOptions>? emulator = null, IExactOnlineTokenStore? tokens = null, string? clientSecret = null)
    {
        var clock = new VirtualClock(Start);
        var emulatorOptions = new ExactOnlineEmulatorOptions { TimeProvider = clock };
        emulator?.Invoke(emulatorOptions);
        var running = await ExactOnlineEmulator.StartAsync(emulatorOptions);
        tokens ??= new InMemoryExactOnlineTokenStore(running.IssueRefreshToken());
        var services = Connect(running, clock, tokens, clientSecret);
        return new ExactOnlineCompany(running, services, tokens, clock);
    }

    /// <summary>A second connector (another process, say) on the same division with its own token store.</summary>
    public ExactOnlineClient ConnectAnother(IExactOnlineTokenStore tokens)
    {
        var services = Connect(Emulator, Clock, tokens, null);
        _others.Add(services);
        return services.GetRequiredKeyedService<ExactOnlineClient>("ExactOnline");
    }

    /// <summary>The refresh token the store holds now.</summary>
    public async Task<string?> StoredRefreshTokenAsync() => await Tokens.LoadRefreshTokenAsync(CancellationToken.None);

    private static ServiceProvider Connect(ExactOnlineEmulator emulator, VirtualClock clock, IExactOnlineTokenStore tokens, string? clientSecret) =>
        new SesamTalkBuilder(new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddKeyedSingleton("ExactOnline", tokens))
            .AddExactOnline(options =>
            {
                options.BaseUrl = emulator.BaseUrl;
                options.ClientId = emulator.ClientId;
                options.ClientSecret = clientSecret ?? emulator.ClientSecret;
                options.RedirectUri = emulator.RedirectUri;
            }).Services
            .BuildServiceProvider();

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
