using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Connectors.Salesforce.ChangeEvents;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce.PubSub;

/// <summary>An emulated org and a change event subscriber wired to it through DI, as a host would wire it.</summary>
internal sealed class ChangeEventOrg : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ChangeEventOrg(SalesforceEmulator emulator)
    {
        Emulator = emulator;
        var services = new ServiceCollection();
        new SesamTalkBuilder(services).AddSalesforce(options =>
            {
                options.LoginUrl = emulator.BaseUrl;
                options.ClientId = emulator.ClientId;
                options.ClientSecret = emulator.ClientSecret;
                options.PubSubUrl = emulator.PubSubUrl;
                options.MaxRetryDelay = TimeSpan.FromSeconds(1);
            });
        _services = services.BuildServiceProvider();
    }

    public SalesforceEmulator Emulator { get; }

    public SalesforceChangeEventSubscriber Subscriber => _services.GetRequiredKeyedService<SalesforceChangeEventSubscriber>(SalesforceBuilderExtensions.DefaultName);

    public static async Task<ChangeEventOrg> StartAsync(Action<SalesforceEmulatorOptions>? configure = null)
    {
        var options = new SalesforceEmulatorOptions();
        configure?.Invoke(options);
        return new ChangeEventOrg(await SalesforceEmulator.StartAsync(options));
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
