using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Samples.Customwebshop;
using SesamTalk.Samples.Customwebshop.Storage;
using SesamTalk.Samples.SyncJob.Remote;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>The Customwebshop host: its SQLite database with the demo data, and a container wired to all four systems.</summary>
internal sealed class WebshopHost : HostApp<CustomwebshopStore, TalkClient>
{
    public const string SystemName = "Customwebshop";

    private WebshopHost(CustomwebshopStore store, ServiceProvider services)
        : base(SystemName, store, services)
    {
    }

    /// <summary>Opens the webshop's database (saving the demo data into a new one) and wires its container.</summary>
    /// <exception cref="SystemStartException">Salesforce refused the job, failed, or shows no standard price book.</exception>
    public static async Task<WebshopHost> OpenAsync(IConfiguration configuration, string stateDirectory, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var store = await CustomwebshopStore.OpenAsync(HostContainer.DatabasePath(stateDirectory, SystemName), time: null, cancellationToken).ConfigureAwait(false);
        await CustomwebshopDemoData.SeedAsync(store, cancellationToken).ConfigureAwait(false);

        var services = new ServiceCollection()
            .AddSingleton(store.Customers)
            .AddSingleton(store.Orders)
            .AddSingleton(store.Products);
        HostContainer.AddEngine(
            services.AddSesamTalk()
                .AddSalesforce(ConnectorConfiguration.WithBulkJobLog(configuration, SystemSections.Salesforce, stateDirectory, SystemName))
                .AddExactOnline(ConnectorConfiguration.WithTokenFile(configuration, SystemSections.ExactOnline, stateDirectory))
                .AddSuperOffice(ConnectorConfiguration.WithTokenFile(configuration, SystemSections.SuperOffice, stateDirectory))
                .AddCustomSystem(SystemSections.CustomcrmName, configuration.GetSection(SystemSections.Customcrm)),
            configuration,
            stateDirectory,
            SystemName);
        var host = new WebshopHost(store, HostContainer.Build(services, logging));
        try
        {
            SalesforceOrg.StandardPricebookId = await StandardPricebook.ReadAsync(host.Services.GetRequiredService<SalesforceClient>(), cancellationToken).ConfigureAwait(false);
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
