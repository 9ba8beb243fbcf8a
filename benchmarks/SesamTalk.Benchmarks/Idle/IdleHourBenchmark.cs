using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SesamTalk.Benchmarks.Sync;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Connectors.Notifications;
using SesamTalk.Testing.Host;

namespace SesamTalk.Benchmarks.Idle;

/// <summary>
/// <c>idle [--hours H] [--records N]</c>: what idle hours cost (issue 18). Two flows, products with the custom Shop and
/// with Salesforce (emulators on loopback, N linked records each), run by the background sync's scheduler on a simulated
/// clock (every wake-up it asks for, the clock moved there): first a cycle of each flow that links the records, then H
/// hours in which nothing changes, once with notifications off (the 5-minute interval) and once with notifications live
/// on every side (the 1-hour safety interval). Prints, per flow side, the polls and the API calls of those hours.
/// </summary>
internal static class IdleHourBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SyncFlowId[] Flows =
    [
        new(nameof(ShopProduct), ChildServices.Target(SyncSystems.Custom)),
        new(nameof(SyncProduct), ChildServices.Target(SyncSystems.Salesforce)),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var hours = CommandOptions.Number(args, "--hours", 1);
        var records = CommandOptions.Number(args, "--records", 100);
        Console.WriteLine($"Idle {hours} h, {records:N0} linked records per flow; polling interval 5 min, safety interval 1 h (simulated clock)");
        Console.WriteLine();
        Console.WriteLine("| flow side | notifications | polls | API calls |");
        Console.WriteLine("| --- | --- | ---: | ---: |");
        foreach (var notifications in new[] { false, true })
        {
            var counts = await IdleAsync(notifications, hours, records).ConfigureAwait(false);
            foreach (var flow in Flows)
            {
                var (polls, calls) = counts.Of(flow);
                var state = notifications ? "live on every side" : "off";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {flow.Entity} → {flow.Target} (remote side) | {state} | {polls} | {calls} |"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {flow.Entity} → {flow.Target} (host side) | {state} | {polls} | 0 (in-process store) |"));
            }
        }

        return 0;
    }

    private static async Task<FlowCounts> IdleAsync(bool notifications, int hours, int records)
    {
        var clock = new FakeTimeProvider(Start);
        await using var shop = await RemoteSystem.StartAsync(SyncSystems.Custom).ConfigureAwait(false);
        await using var salesforce = await RemoteSystem.StartAsync(SyncSystems.Salesforce).ConfigureAwait(false);
        shop.Seed(records);
        salesforce.Seed(records);
        var directory = Directory.CreateTempSubdirectory("sesamtalk-idle-");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IHostStore<ShopProduct>>(new InMemoryHostStore<ShopProduct>(p => p.Id, (p, id) => p.Id = id, clock));
        services.AddSingleton<IHostStore<SyncProduct>>(new InMemoryHostStore<SyncProduct>(p => p.Id, (p, id) => p.Id = id, clock));
        services.AddSingleton<ILinkStore>(_ => SqliteLinkStore.OpenAsync(new SqliteLinkStoreOptions { Path = Path.Combine(directory.FullName, "links.db"), TimeProvider = clock }).GetAwaiter().GetResult());
        services.AddConnector(new ChildStart("idle", SyncSystems.Custom, records, shop.Connection, "", "", directory.FullName));
        services.AddConnector(new ChildStart("idle", SyncSystems.Salesforce, records, salesforce.Connection, "", "", directory.FullName));
        var builder = services.AddSesamTalk();
        builder
            .AddEngine(options =>
            {
                foreach (var entity in builder.Model.Entities.Where(entity => !Flows.Any(flow => flow.Entity == entity.Name)))
                {
                    options.Flows[entity.Name] = new SyncFlowOptions { Enabled = false };
                }
            })
            .AddBackgroundSync()
            .AddChangeNotifications(options =>
            {
                options.Enabled = notifications;
                options.HostNotifies = true;
            });
        services.Configure<SyncScheduleOptions>(options => options.InitialDelay = TimeSpan.Zero);
        await using var provider = services.BuildServiceProvider();
        var inbox = provider.GetRequiredService<SyncChangeNotifications>();
        var scheduler = new SyncScheduler(
            provider,
            provider.GetRequiredService<ISyncModel>(),
            provider.GetRequiredService<IOptions<SyncScheduleOptions>>().Value,
            provider.GetRequiredService<IOptions<SyncEngineOptions>>().Value,
            inbox,
            provider.GetRequiredService<IOptions<SyncNotificationOptions>>().Value.SafetyPollInterval,
            clock,
            NullLogger.Instance);
        foreach (var flow in Flows)
        {
            inbox.SourceState(flow.Target, live: true, reason: null);
        }

        var engine = new FlowCounts(provider.GetRequiredService<ISyncEngine>());
        await scheduler.RunDueAsync(engine, CancellationToken.None).ConfigureAwait(false);
        engine.Reset();
        while (scheduler.NextWake is { } wake && wake <= Start.AddHours(hours))
        {
            clock.SetUtcNow(wake);
            await scheduler.RunDueAsync(engine, CancellationToken.None).ConfigureAwait(false);
        }

        return engine;
    }

    /// <summary>The engine as the scheduler runs it, counting each flow's cycles and their API calls.</summary>
    private sealed class FlowCounts(ISyncEngine engine) : DelegatingSyncEngine(engine)
    {
        private readonly Dictionary<SyncFlowId, (int Polls, long Calls)> _counts = [];

        public (int Polls, long Calls) Of(SyncFlowId flow) => _counts.GetValueOrDefault(flow);

        public void Reset() => _counts.Clear();

        public override async Task<SyncReport> SyncFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        {
            var report = await Inner.SyncFlowAsync(entity, target, progress, cancellationToken).ConfigureAwait(false);
            foreach (var flow in report.Flows)
            {
                var id = new SyncFlowId(flow.Entity, flow.Target);
                var (polls, calls) = Of(id);
                _counts[id] = (polls + 1, calls + flow.ApiCalls);
            }

            return report;
        }
    }
}
