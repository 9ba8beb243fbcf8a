using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// A host whose parts sync with an emulated Salesforce org in the background, with change notifications on: the org's
/// change source (Pub/Sub) and the host's notifications wake the flow, and polling is two hours apart, so within a test
/// only a notification (or a lost subscription) makes the flow run after its first run. The host store, the link store
/// file and the org outlive it, so a test can stop it and start another as a restarted process would.
/// </summary>
internal sealed class NotifiedSalesforce : IAsyncDisposable
{
    public const string Flow = "Part→Salesforce/Product2";
    public const string PartDone = Flow + ": cycle done";

    private readonly ServiceProvider _provider;
    private readonly IHostedService[] _services;

    private NotifiedSalesforce(ServiceProvider provider, CapturedLogs logs)
    {
        _provider = provider;
        Logs = logs;
        var hosted = provider.GetServices<IHostedService>().ToList();
        _services = [Assert.Single(hosted.OfType<SyncBackgroundService>()), Assert.Single(hosted.OfType<ChangeSourcesService>())];
    }

    public CapturedLogs Logs { get; }

    public TalkClient Talk => _provider.GetRequiredService<TalkClient>();

    /// <summary>
    /// Builds the host over <paramref name="parts"/> and the link store at <paramref name="linkStore"/> and starts its
    /// background sync (first polled run after <paramref name="initialDelay"/>) and its change sources (held back until
    /// released when <paramref name="holdSource"/> is set).
    /// </summary>
    public static async Task<NotifiedSalesforce> StartAsync(SalesforceEmulator org, InMemoryHostStore<Part> parts, string linkStore, TimeSpan initialDelay, bool holdSource = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SesamTalk:Schedule:InitialDelay"] = initialDelay.ToString(),
            ["SesamTalk:Schedule:Interval"] = "02:00:00",
            ["SesamTalk:Notifications:Enabled"] = "true",
            ["SesamTalk:Notifications:CoalesceWindow"] = "00:00:00.100",
            ["SesamTalk:Notifications:HostNotifies"] = "true",
        }).Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddSingleton(logs);
        services.AddSingleton(typeof(ILogger<>), typeof(CapturingLogger<>));
        services.AddSingleton<IHostStore<Part>>(parts);
        services.AddSalesforce(org, options => options.PubSubUrl = org.PubSubUrl);
        var held = holdSource ? HeldChangeSource.In(services) : null;
        var builder = services.AddSesamTalk();
        builder
            .AddEngine(options =>
            {
                foreach (var entity in builder.Model.Entities.Where(entity => entity.Name != nameof(Part)))
                {
                    options.Flows[entity.Name] = new SyncFlowOptions { Enabled = false };
                }
            })
            .UseSqliteLinkStore(linkStore)
            .AddBackgroundSync(configuration.GetSection("SesamTalk:Schedule"))
            .AddChangeNotifications(configuration.GetSection("SesamTalk:Notifications"));
        var host = new NotifiedSalesforce(services.BuildServiceProvider(), logs) { Held = held };
        foreach (var service in host._services)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return host;
    }

    /// <summary>The hold on the org's change source, when the host was started with one.</summary>
    public HeldChangeSource? Held { get; private init; }

    public int Count(string text) => Logs.Count(text);

    /// <summary>Waits until the first run is done, the stream is open and live, and the host settled; returns the flow's cycles by then.</summary>
    public async Task<int> WaitUntilLiveAsync(SalesforceEmulator org)
    {
        var cycles = await Logs.WaitUntilLiveAndSettledAsync(Flow, "Salesforce/Product2");
        await WaitUntilAsync(() => org.OpenPubSubStreams == 1, "the open Pub/Sub stream");
        return cycles;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, at most <paramref name="seconds"/>; fails naming <paramref name="what"/> otherwise.</summary>
    public Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 20) => Logs.WaitUntilAsync(condition, what, seconds);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
    }
}
