using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Connectors.Salesforce.ChangeEvents;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce.PubSub;

/// <summary>
/// An emulated org and a change event subscriber and change source wired to it through DI, as a host would wire them,
/// with a SQLite link store of its own when asked for. <see cref="RestartAsync"/> wires them anew, as a process that
/// stopped and started again would: same org, same link store file.
/// </summary>
internal sealed class ChangeEventOrg : IAsyncDisposable
{
    private readonly string? _linkStore;
    private readonly Action<SalesforceOptions>? _connector;
    private ServiceProvider _services;

    private ChangeEventOrg(SalesforceEmulator emulator, bool withLinkStore, Action<SalesforceOptions>? connector)
    {
        Emulator = emulator;
        _connector = connector;
        _linkStore = withLinkStore ? Path.Combine(Path.GetTempPath(), $"sesamtalk-links-{Guid.NewGuid():N}.db") : null;
        _services = Build();
    }

    public SalesforceEmulator Emulator { get; }

    public SalesforceChangeEventSubscriber Subscriber => _services.GetRequiredKeyedService<SalesforceChangeEventSubscriber>(SalesforceBuilderExtensions.DefaultName);

    /// <summary>The org's change source as the engine finds it: among every registered one, by system name.</summary>
    public ISyncChangeSource ChangeSource => _services.GetServices<ISyncChangeSource>().Single(s => s.System == SalesforceBuilderExtensions.DefaultName);

    /// <summary>The org's REST API client.</summary>
    public SalesforceClient Client => _services.GetRequiredKeyedService<SalesforceClient>(SalesforceBuilderExtensions.DefaultName);

    /// <summary>The link store, when the org has one.</summary>
    public ILinkStore LinkStore => _services.GetRequiredService<ILinkStore>();

    /// <summary>Starts an org; <paramref name="connector"/> changes the connector's options after the test defaults.</summary>
    public static async Task<ChangeEventOrg> StartAsync(Action<SalesforceEmulatorOptions>? configure = null, bool withLinkStore = false, Action<SalesforceOptions>? connector = null)
    {
        var options = new SalesforceEmulatorOptions();
        configure?.Invoke(options);
        return new ChangeEventOrg(await SalesforceEmulator.StartAsync(options), withLinkStore, connector);
    }

    /// <summary>Disposes the services (the link store among them) and wires new ones to the same org and link store file.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build();
    }

    /// <summary>Waits (ten seconds at most) until <paramref name="count"/> Subscribe streams are open: from then on every write reaches them.</summary>
    public async Task WaitForStreamsAsync(int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Emulator.OpenPubSubStreams != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Emulator.OpenPubSubStreams} Subscribe streams are open, not {count}.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
        if (_linkStore is not null)
        {
            foreach (var file in new[] { _linkStore, _linkStore + "-wal", _linkStore + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        new SesamTalkBuilder(services).AddSalesforce(options =>
            {
                options.LoginUrl = Emulator.BaseUrl;
                options.ClientId = Emulator.ClientId;
                options.ClientSecret = Emulator.ClientSecret;
                options.PubSubUrl = Emulator.PubSubUrl;
                options.MaxRetryDelay = TimeSpan.FromSeconds(1);
                _connector?.Invoke(options);
            });
        if (_linkStore is { } path)
        {
            services.AddSingleton<ILinkStore>(_ => SqliteLinkStore.OpenAsync(path).GetAwaiter().GetResult());
        }

        return services.BuildServiceProvider();
    }
}

/// <summary>Reads a subscription's notifications one at a time, with a time limit that leaves the subscription running.</summary>
internal sealed class NotificationReader : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncEnumerator<SalesforceChangeNotification> _enumerator;
    private Task<bool>? _moving;

    public NotificationReader(SalesforceChangeEventSubscriber subscriber, IReadOnlyCollection<string> objectTypes, string? replayId = null) =>
        _enumerator = subscriber.SubscribeAsync(objectTypes, replayId, _stop.Token).GetAsyncEnumerator(_stop.Token);

    /// <summary>Starts the subscription (the enumerator runs up to its first wait for events).</summary>
    public void Start() => _moving ??= _enumerator.MoveNextAsync().AsTask();

    /// <summary>The next notification, or null when none comes within <paramref name="wait"/>.</summary>
    public async Task<SalesforceChangeNotification?> NextAsync(TimeSpan wait)
    {
        Start();
        if (await Task.WhenAny(_moving!, Task.Delay(wait)) != _moving)
        {
            return null;
        }

        var moving = _moving!;
        _moving = null;
        var more = await moving;
        Assert.True(more, "The subscription ended.");
        return _enumerator.Current;
    }

    public async Task<List<SalesforceChangeNotification>> TakeAsync(int count)
    {
        var notifications = new List<SalesforceChangeNotification>();
        while (notifications.Count < count)
        {
            notifications.Add(await NextAsync(TimeSpan.FromSeconds(15)) ?? throw new TimeoutException($"{notifications.Count} of {count} notifications came."));
        }

        return notifications;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_moving is not null)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _moving);
        }

        await _enumerator.DisposeAsync();
        _stop.Dispose();
    }
}
