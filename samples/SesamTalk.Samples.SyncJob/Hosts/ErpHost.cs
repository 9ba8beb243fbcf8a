using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Samples.Customerp;
using SesamTalk.Samples.Customerp.Storage;
using SesamTalk.Samples.SyncJob.Remote;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>The Customerp host: its EF Core SQLite database with the demo data, and a container wired to Salesforce.</summary>
internal sealed class ErpHost : HostApp<CustomerpDb, TalkClient>
{
    public const string SystemName = "Customerp";

    private ErpHost(ServiceProvider services)
        : base(SystemName, services)
    {
    }

    /// <summary>Wires the ERP's container and opens its database (saving the demo data into a new one).</summary>
    public static async Task<ErpHost> OpenAsync(IConfiguration configuration, string stateDirectory, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        HostContainer.AddEngine<CustomerpDb>(services.AddSesamTalk().AddSalesforce(ConnectorConfiguration.WithBulkJobLog(configuration, SystemSections.Salesforce, stateDirectory, SystemName)), configuration, stateDirectory, SystemName);
        var host = new ErpHost(HostContainer.Build(services, logging));
        try
        {
            await host.CreateDatabaseAsync(CustomerpDemoData.SeedAsync, cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override Task<SyncReport> SyncAllAsync(IProgress<SyncProgress> progress, CancellationToken cancellationToken) =>
        Talk.SyncAllAsync(progress, cancellationToken);
}
