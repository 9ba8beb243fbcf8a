using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
    public static async Task<WebshopHost> OpenAsync(IConfiguration configuration, string stateDirectory, CancellationToken cancellationToken)
    {
        var store = await CustomwebshopStore.OpenAsync(HostContainer.DatabasePath(stateDirectory, SystemName), time: null, cancellationToken).ConfigureAwait(false);
        await CustomwebshopDemoData.SeedAsync(store, cancellationToken).ConfigureAwait(false);

        var services = new ServiceCollection()
            .AddSingleton(store.Customers)
            .AddSingleton(store.Orders)
            .AddSingleton(store.Products);
        HostContainer.AddEngine(
            services.AddSesamTalk()
                .AddSalesforce(configuration.GetSection(SystemSections.Salesforce))
                .AddExactOnline(ConnectorConfiguration.WithTokenFile(configuration, SystemSections.ExactOnline, stateDirectory))
                .AddSuperOffice(ConnectorConfiguration.WithTokenFile(configuration, SystemSections.SuperOffice, stateDirectory))
                .AddCustomSystem(SystemSections.CustomcrmName, configuration.GetSection(SystemSections.Customcrm)),
            stateDirectory,
            SystemName);
        var host = new WebshopHost(store, HostContainer.Build(services));
        try
        {
            SalesforceOrg.StandardPricebookId = await host.StandardPricebookIdAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task<string> StandardPricebookIdAsync(CancellationToken cancellationToken)
    {
        var salesforce = Services.GetRequiredService<SalesforceClient>();
        await foreach (var pricebook in salesforce.QueryAsync("SELECT Id FROM Pricebook2 WHERE IsStandard = true", cancellationToken).ConfigureAwait(false))
        {
            return pricebook.Id!;
        }

        throw new InvalidOperationException("The Salesforce org has no standard price book (Pricebook2 with IsStandard = true); the webshop's products cannot be priced without one.");
    }
}
