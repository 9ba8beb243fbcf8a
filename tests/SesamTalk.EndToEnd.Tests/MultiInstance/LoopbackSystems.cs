using System.Net;
using System.Net.Sockets;
using SesamTalk.Samples.SyncJob.Remote;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Demo;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.EndToEnd.Tests.MultiInstance;

/// <summary>The four remote systems as emulators on loopback ports with the job's demo data, which copies of the job reach as configured systems.</summary>
internal sealed class LoopbackSystems : IAsyncDisposable
{
    private LoopbackSystems(SalesforceEmulator salesforce, ExactOnlineEmulator exact, SuperOfficeEmulator superOffice, CustomSystemEmulator crm)
    {
        Salesforce = salesforce;
        Exact = exact;
        SuperOffice = superOffice;
        Crm = crm;
    }

    public SalesforceEmulator Salesforce { get; }

    public ExactOnlineEmulator Exact { get; }

    public SuperOfficeEmulator SuperOffice { get; }

    public CustomSystemEmulator Crm { get; }

    public static async Task<LoopbackSystems> StartAsync()
    {
        var salesforce = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { Port = FreePort() });
        var exact = await ExactOnlineEmulator.StartAsync(new ExactOnlineEmulatorOptions { Port = FreePort() });
        var superOffice = await SuperOfficeEmulator.StartAsync(new SuperOfficeEmulatorOptions { Port = FreePort() });
        var crm = await CustomSystemEmulator.StartAsync(new CustomSystemEmulatorOptions { Port = FreePort(), Catalog = await EmbeddedSystems.CustomcrmCatalogAsync(CancellationToken.None) });

        // The job's remote demo data, as the standalone emulators' --seed-demo fills them: the ERP's demo orders carry
        // Salesforce order numbers 00000100 and 00000101, which without Salesforce's demo orders (and their contacts) the
        // first orders the webshop sends would take, a false match the ERP's flow quarantines.
        RemoteDemoData.SeedSalesforce(salesforce);
        RemoteDemoData.SeedSuperOffice(superOffice);
        RemoteDemoData.SeedCustomcrm(crm);
        return new LoopbackSystems(salesforce, exact, superOffice, crm);
    }

    /// <summary>
    /// The settings that point a copy of the job at the emulators, as <c>key=value</c> pairs. Each call issues fresh
    /// refresh tokens: Exact Online and SuperOffice rotate them, so copies of the job cannot start from the same one.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new(SystemSections.SalesforceEndpoint, Salesforce.BaseUrl.ToString());
        yield return new(SystemSections.Salesforce + ":ClientId", Salesforce.ClientId);
        yield return new(SystemSections.Salesforce + ":ClientSecret", Salesforce.ClientSecret);
        yield return new(SystemSections.ExactOnlineEndpoint, Exact.BaseUrl.ToString());
        yield return new(SystemSections.ExactOnline + ":ClientId", Exact.ClientId);
        yield return new(SystemSections.ExactOnline + ":ClientSecret", Exact.ClientSecret);
        yield return new(SystemSections.ExactOnline + ":RedirectUri", Exact.RedirectUri);
        yield return new(SystemSections.ExactOnline + ":RefreshToken", Exact.IssueRefreshToken());
        yield return new(SystemSections.SuperOfficeEndpoint, SuperOffice.BaseUrl.ToString());
        yield return new(SystemSections.SuperOffice + ":Tenant", SuperOffice.ContextIdentifier);
        yield return new(SystemSections.SuperOffice + ":ClientId", SuperOffice.ClientId);
        yield return new(SystemSections.SuperOffice + ":ClientSecret", SuperOffice.ClientSecret);
        yield return new(SystemSections.SuperOffice + ":RedirectUri", SuperOffice.RedirectUri);
        yield return new(SystemSections.SuperOffice + ":RefreshToken", SuperOffice.IssueRefreshToken());
        yield return new(SystemSections.CustomcrmEndpoint, Crm.BaseUrl.ToString());
        yield return new(SystemSections.Customcrm + ":ApiKey", Crm.ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        await Crm.DisposeAsync();
        await SuperOffice.DisposeAsync();
        await Exact.DisposeAsync();
        await Salesforce.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
