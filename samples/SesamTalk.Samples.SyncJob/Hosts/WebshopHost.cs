using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Samples.Customwebshop;
using SesamTalk.Samples.Customwebshop.Storage;
using SesamTalk.Samples.SyncJob.Remote;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>The Customwebshop host: its EF Core SQLite database with the demo data, and a container wired to all four systems.</summary>
internal sealed class WebshopHost : HostApp<CustomwebshopDb, TalkClient>
{
    public const string SystemName = "Customwebshop";

    private WebshopHost(ServiceProvider services)
        : base(SystemName, services)
    {
    }

    /// <summary>Wires the webshop's container and opens its database (saving the demo data into a new one).</summary>
    /// <exception cref="SystemStartException">Salesforce refused the job, failed, or shows no standard price book.</exception>
    public static async Task<WebshopHost> OpenAsync(IConfiguration configuration, string stateDirectory, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        HostContainer.AddEngine<CustomwebshopDb>(
            services.AddSesamTalk()
                .AddSalesforce(ConnectorConfiguration.WithBulkJobLog(configuration, SystemSections.Salesforce, stateDirectory, SystemName))
                .AddExactOnline(ConnectorConfiguration.WithTokenFile(configuration, SystemSections.ExactOnline, stateDirectory))
                .AddSuperOffice(ConnectorConfiguration.WithTokenFile(configuration, SystemSections.SuperOffice, stateDirectory))
                .AddCustomSystem(SystemSections.CustomcrmName, configuration.GetSection(SystemSections.Customcrm)),
            configuration,
            stateDirectory,
            SystemName);
        var host = new WebshopHost(HostContainer.Build(services, logging));
        try
        {
            await host.CreateDatabaseAsync(CustomwebshopDemoData.SeedAsync, cancellationToken).ConfigureAwait(false);
            SalesforceOrg.StandardPricebookId = await StandardPricebook.ReadAsync(host.Services.GetRequiredKeyedService<SalesforceClient>("Salesforce"), cancellationToken).ConfigureAwait(false);
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
