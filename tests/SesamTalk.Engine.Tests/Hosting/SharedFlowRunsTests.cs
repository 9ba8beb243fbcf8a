using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.Hosting;

/// <summary>Work sharing between two instances of a host whose background syncs share one link store file.</summary>
public sealed class SharedFlowRunsTests
{
    private const string ProductDone = "Product→Shop/Product: cycle done";
    private const string RunDone = "SesamTalk run done";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task A_flow_another_instance_ran_within_the_interval_is_left_to_it_and_runs_here_an_interval_after_that_run()
    {
        await using var shop = await CustomSystemEmulator.StartAsync();
        var directory = Directory.CreateTempSubdirectory("sesamtalk-shared-");
        var products = new InMemoryHostStore<Product>(p => p.Id, (p, id) => p.Id = id);
        await products.SaveAsync(new Product { Sku = "SH-1", Name = "Shared" }, default);
        var flow = new SyncFlowId("Product", new SyncTarget("Shop", "Product"));

        // The first instance runs the flow and stops.
        DateTimeOffset takenAt;
        await using (var first = Instance(shop, directory, products))
        {
            await first.RunUntilAsync(ProductDone, times: 1);
            takenAt = (await first.Services.GetRequiredService<ILinkStore>().GetLeaseTakenAtAsync(flow))!.Value;
        }

        // The second finds it taken less than the interval ago: it leaves it, and runs it once the interval has passed.
        await using var second = Instance(shop, directory, products);
        await second.RunUntilAsync(RunDone, times: 1);
        Assert.DoesNotContain(second.Logs.Lines, line => line.Contains(ProductDone, StringComparison.Ordinal));
        Assert.Contains(second.Logs.Lines, line => line.Contains(RunDone, StringComparison.Ordinal) && line.EndsWith(", 1 left to other instances", StringComparison.Ordinal));
        Assert.Contains(second.Logs.Lines, line => line.StartsWith("Debug ", StringComparison.Ordinal) && line.Contains("Product→Shop/Product was taken by another instance", StringComparison.Ordinal));

        await second.RunUntilAsync(ProductDone, times: 1);
        Assert.True(DateTimeOffset.UtcNow >= takenAt + Interval, $"the flow ran again {DateTimeOffset.UtcNow - takenAt} after the other instance took it");
    }

    private static HostInstance Instance(CustomSystemEmulator shop, DirectoryInfo directory, InMemoryHostStore<Product> products)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SesamTalk:Custom:Shop:BaseUrl"] = shop.BaseUrl.ToString(),
            ["SesamTalk:Custom:Shop:ApiKey"] = shop.ApiKey,
            ["SesamTalk:Schedule:InitialDelay"] = "00:00:00",
            ["SesamTalk:Schedule:Interval"] = Interval.ToString(),
        }).Build();
        var logs = new CapturedLogs();
        var services = ShopBackgroundSync.Services(configuration, products, Path.Combine(directory.FullName, "links.db"), logs);
        return new HostInstance(services.BuildServiceProvider(), logs);
    }

    /// <summary>One instance of the host: its container, its background sync and its log.</summary>
    private sealed class HostInstance(ServiceProvider services, CapturedLogs logs) : IAsyncDisposable
    {
        private readonly SyncBackgroundService _background = Assert.Single(services.GetServices<IHostedService>().OfType<SyncBackgroundService>());
        private bool _started;

        public IServiceProvider Services => services;

        public CapturedLogs Logs => logs;

        /// <summary>Starts the background sync (once) and waits until <paramref name="text"/> was logged <paramref name="times"/> times, at most 20 s.</summary>
        public async Task RunUntilAsync(string text, int times)
        {
            if (!_started)
            {
                _started = true;
                await _background.StartAsync(CancellationToken.None);
            }

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (logs.Lines.Count(line => line.Contains(text, StringComparison.Ordinal)) < times)
            {
                Assert.True(DateTime.UtcNow < deadline, $"'{text}' was not logged {times} time(s) in 20 s:\n{logs.All}");
                await Task.Delay(20);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _background.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }
}
