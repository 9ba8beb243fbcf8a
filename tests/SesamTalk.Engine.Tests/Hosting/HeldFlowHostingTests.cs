using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Host;

namespace SesamTalk.Engine.Tests.Hosting;

/// <summary>The background sync with a flow the mass-change breaker holds: not a failure, released by approval without a restart.</summary>
public sealed class HeldFlowHostingTests
{
    private const string HeldRun = "1 held by the mass-change breaker";
    private const string CycleDone = "Product→Shop/Product: cycle done";

    [Fact]
    public async Task The_background_sync_keeps_a_held_flow_on_its_interval_writing_nothing_and_syncs_it_on_the_run_after_approval()
    {
        await using var shop = await CustomSystemEmulator.StartAsync();
        var directory = Directory.CreateTempSubdirectory("sesamtalk-held-");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SesamTalk:Custom:Shop:BaseUrl"] = shop.BaseUrl.ToString(),
            ["SesamTalk:Custom:Shop:ApiKey"] = shop.ApiKey,
            ["SesamTalk:Engine:Flows:Product:Deletes"] = "Propagate",
            ["SesamTalk:Engine:Flows:Product:MassChangeMinimum"] = "2",
            ["SesamTalk:Schedule:InitialDelay"] = "00:00:00",
            ["SesamTalk:Schedule:Interval"] = "00:00:00.100",
        }).Build();
        var products = new InMemoryHostStore<Product>(p => p.Id, (p, id) => p.Id = id);
        for (var i = 0; i < 6; i++)
        {
            await products.SaveAsync(new Product { Sku = $"BH-{i}", Name = $"Held {i}" }, default);
        }

        var logs = new CapturedLogs();
        var services = ShopBackgroundSync.Services(configuration, products, Path.Combine(directory.FullName, "links.db"), logs);
        services.AddHealthChecks().AddSesamTalk();
        await using var provider = services.BuildServiceProvider();
        var talk = provider.GetRequiredService<TalkClient>();
        var links = provider.GetRequiredService<ILinkStore>();
        var flow = new SyncFlowId("Product", new SyncTarget("Shop", "Product"));
        var background = Assert.Single(provider.GetServices<IHostedService>().OfType<SyncBackgroundService>());

        await background.StartAsync(CancellationToken.None);
        try
        {
            // The first run creates the six products in the Shop, the second reads them back: every link is saved.
            await UntilAsync(() => Count(logs, CycleDone) >= 2, logs);
            foreach (var record in shop.GetRecords("Product").Take(5))
            {
                shop.Delete("Product", record.Id);
            }

            await UntilAsync(() => Count(logs, HeldRun) >= 3, logs);
            var held = await ShopHealthAsync(provider);

            Assert.Equal(6, products.Records.Count);
            Assert.Equal(HealthStatus.Degraded, held.Status);
            Assert.Contains("Product→Shop/Product is held by the mass-change breaker", held.Description, StringComparison.Ordinal);
            Assert.Contains("5 of 6 linked records (limit 3)", held.Description, StringComparison.Ordinal);
            Assert.DoesNotContain(logs.Lines, line => line.Contains("SesamTalk Product→Shop/Product failed", StringComparison.Ordinal));

            Assert.True(await talk.Products.ApproveHeldFlowAsync(flow.Target, "Grace Hopper"));
            await UntilAsync(() => Count(logs, "Product→Shop/Product: released from its hold") == 1, logs);
            var cycles = Count(logs, CycleDone);
            await UntilAsync(() => Count(logs, CycleDone) > cycles + 1, logs);
        }
        finally
        {
            await background.StopAsync(CancellationToken.None);
        }

        Assert.Null(await links.GetHeldFlowAsync(flow));
        var release = Assert.Single(await links.GetReleasedHoldsAsync(flow));
        Assert.Equal((HoldReleaseReason.Approved, "Grace Hopper"), (release.Reason, release.Hold.ApprovedBy));
        Assert.Single(products.Records);
        Assert.Single(shop.GetRecords("Product"));
        Assert.Contains("created 0, updated 0, deleted 0", logs.Lines.Last(line => line.Contains(CycleDone, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, (await ShopHealthAsync(provider)).Status);
    }

    private static async Task<HealthReportEntry> ShopHealthAsync(IServiceProvider provider) =>
        (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["sesamtalk-shop"];

    private static async Task UntilAsync(Func<bool> condition, CapturedLogs logs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out; the log:\n" + logs.All);
            await Task.Delay(50);
        }
    }

    private static int Count(CapturedLogs logs, string text) => logs.Lines.Count(line => line.Contains(text, StringComparison.Ordinal));
}
