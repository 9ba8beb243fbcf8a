using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Samples.Customerp;
using SesamTalk.Samples.Customerp.Storage;
using SesamTalk.Samples.SyncJob.Remote;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>The Customerp host: its SQLite database with the demo data, and a container wired to Salesforce.</summary>
internal sealed class ErpHost : HostApp<CustomerpStore, TalkClient>
{
    public const string SystemName = "Customerp";

    private ErpHost(CustomerpStore store, ServiceProvider services)
        : base(SystemName, store, services)
    {
    }

    /// <summary>Opens the ERP's database (saving the demo data into a new one) and wires its container.</summary>
    public static async Task<ErpHost> OpenAsync(IConfiguration configuration, string stateDirectory, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var store = await CustomerpStore.OpenAsync(HostContainer.DatabasePath(stateDirectory, SystemName), time: null, cancellationToken).ConfigureAwait(false);
        await CustomerpDemoData.SeedAsync(store, cancellationToken).ConfigureAwait(false);

        var services = new ServiceCollection()
            .AddSingleton(store.Contacts)
            .AddSingleton(store.Orders)
            .AddSingleton(store.Products)
            .AddSingleton(store.Quotes);
        HostContainer.AddEngine(services.AddSesamTalk().AddSalesforce(ConnectorConfiguration.WithBulkJobLog(configuration, SystemSections.Salesforce, stateDirectory, SystemName)), configuration, stateDirectory, SystemName);
        return new ErpHost(store, HostContainer.Build(services, logging));
    }

    public override Task<SyncReport> SyncAllAsync(IProgress<SyncProgress> progress, CancellationToken cancellationToken) =>
        Talk.SyncAllAsync(progress, cancellationToken);
}
