using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SesamTalk.Samples.Customwebshop;
using SesamTalk.Samples.SyncJob.Hosts;
using SesamTalk.Samples.SyncJob.Remote;
using SesamTalk.Samples.SyncJob.Reporting;
using SesamTalk.Testing.Demo;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>
/// Both sample hosts synced with embedded emulators holding the demo data, as the main job does (two cycles with
/// Salesforce Billing in between, and a third that echoes what the second created), then one more cycle with nothing
/// changed anywhere: <see cref="Quiet"/>.
/// </summary>
public sealed class ConvergedDemo : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "sesamtalk-e2e-" + Guid.NewGuid().ToString("N"));

    private string _pricebookId = "";

    internal EmbeddedSystems Systems { get; private set; } = null!;

    internal WebshopHost Webshop { get; private set; } = null!;

    internal ErpHost Erp { get; private set; } = null!;

    /// <summary>The figures of the cycles that converge the demo data.</summary>
    public RunFigures Converging { get; } = new();

    /// <summary>The figures of the cycle after convergence.</summary>
    public RunFigures Quiet { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_state);
        Systems = await EmbeddedSystems.StartAsync(new ConfigurationBuilder().Build(), CancellationToken.None);
        RemoteDemoData.SeedSalesforce(Systems.Salesforce!);
        RemoteDemoData.SeedSuperOffice(Systems.SuperOffice!);
        RemoteDemoData.SeedCustomcrm(Systems.Customcrm!);
        _pricebookId = await PricebookGate.RunAsync(null, async () =>
        {
            Webshop = await WebshopHost.OpenAsync(Systems.Configuration, _state, NullLoggerFactory.Instance, CancellationToken.None);
            Erp = await ErpHost.OpenAsync(Systems.Configuration, _state, NullLoggerFactory.Instance, CancellationToken.None);
            return SalesforceOrg.StandardPricebookId;
        });

        await SyncAsync(Converging);
        Systems.Salesforce!.GenerateInvoices(new DateOnly(2024, 9, 30));
        await SyncAsync(Converging);
        await SyncAsync(Converging);
        await SyncAsync(Quiet);
    }

    public Task SyncAsync(RunFigures figures) => PricebookGate.RunAsync(_pricebookId, async () =>
    {
        // Each cycle starts in a fresh Exact Online rate-limit minute, as if a minute passed between cycles: the demo's
        // cycles together make more calls than one minute allows (about 80 of 60), and waiting out the window (up to a
        // minute per demo, serialised by the gate) tests nothing here.
        Systems.ExactOnline!.SetRateLimitUsage(minutely: 0, daily: 0);
        IHostApp[] hosts = [Webshop, Erp];
        foreach (var host in hosts)
        {
            figures.Add(host.Name, await host.SyncAllAsync(new Progress<SyncProgress>(), CancellationToken.None));
        }

        return figures;
    });

    internal IHostApp Host(SeedRow row) => Host(row.Flow.Host);

    internal IHostApp Host(string name) => string.Equals(name, Erp.Name, StringComparison.OrdinalIgnoreCase) ? Erp : Webshop;

    public async Task DisposeAsync()
    {
        await Erp.DisposeAsync();
        await Webshop.DisposeAsync();
        await Systems.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_state, recursive: true);
    }
}
