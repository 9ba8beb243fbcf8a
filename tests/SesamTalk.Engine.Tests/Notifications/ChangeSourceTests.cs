using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>The hosted service that runs the systems' change sources with their flows' remote types, and restarts a source that stops.</summary>
public sealed class ChangeSourceTests
{
    [Fact]
    public async Task Each_source_runs_with_its_flows_remote_types_and_one_that_throws_is_reported_lost_and_started_again()
    {
        var shop = new ScriptedSource("Shop", failFirstRun: true);
        var unused = new ScriptedSource("Elsewhere", failFirstRun: false);
        await using var host = await NotifiedShop.StartAsync(null, services =>
        {
            services.AddSingleton<ISyncChangeSource>(shop);
            services.AddSingleton<ISyncChangeSource>(unused);
        });

        await host.WaitUntilAsync(() => shop.Runs == 1, "the first subscription");
        var products = await host.Logs.WaitUntilLiveAndSettledAsync("Product→Shop/Product", "Shop/Product");
        var notes = await host.Logs.WaitUntilLiveAndSettledAsync("Note→Shop/Note", "Shop/Note");
        shop.Break();

        // Both types were live: losing them ran both flows again at once, long before the source's restart a second later.
        await host.WaitUntilAsync(() => host.Count(NotifiedShop.ProductDone) > products && host.Count(NotifiedShop.NoteDone) > notes, "the cycles after the loss");
        Assert.Equal(1, shop.Runs);
        await host.WaitUntilAsync(() => shop.Runs == 2, "the restart");
        Assert.Equal(["Note", "Product"], shop.Types.Order(StringComparer.Ordinal));
        Assert.Equal(0, unused.Runs);
        Assert.Contains(host.Logs.Lines, line => line.StartsWith("Error ", StringComparison.Ordinal) && line.Contains("change source Shop stopped", StringComparison.Ordinal) && line.Contains("the stream broke", StringComparison.Ordinal));
        await host.WaitUntilAsync(() => shop.Live, "the second run's subscription");
        Assert.Equal(HealthStatus.Healthy, (await host.HealthAsync()).Status);
    }

    [Fact]
    public async Task While_notifications_are_disabled_no_source_runs()
    {
        var shop = new ScriptedSource("Shop", failFirstRun: false);
        await using var host = await NotifiedShop.StartAsync(new() { ["SesamTalk:Notifications:Enabled"] = "false" }, services => services.AddSingleton<ISyncChangeSource>(shop));

        await Task.Delay(300);
        Assert.Equal(0, shop.Runs);
    }

    /// <summary>A source whose runs report their types live; the first throws when told to (<see cref="Break"/>), the others stay until stopped.</summary>
    private sealed class ScriptedSource(string system, bool failFirstRun) : ISyncChangeSource
    {
        private readonly TaskCompletionSource _broken = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _runs;
        private volatile bool _live;

        public string System => system;

        public int Runs => Volatile.Read(ref _runs);

        public bool Live => _live;

        public IReadOnlyCollection<string> Types { get; private set; } = [];

        public void Break() => _broken.SetResult();

        public async Task RunAsync(IReadOnlyCollection<string> remoteTypes, ISyncChangeNotifications notifications, CancellationToken cancellationToken)
        {
            Types = remoteTypes;
            var run = Interlocked.Increment(ref _runs);
            foreach (var type in remoteTypes)
            {
                notifications.SourceState(new SyncTarget(system, type), live: true, reason: null);
            }

            if (run == 1 && failFirstRun)
            {
                await _broken.Task.WaitAsync(cancellationToken);
                throw new InvalidOperationException("the stream broke");
            }

            _live = true;
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
