using System.Globalization;
using Microsoft.Extensions.Configuration;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Samples.SyncJob.Remote;

/// <summary>
/// The emulators the job starts in-process on free loopback ports: one per system whose endpoint is not configured.
/// <see cref="Configuration"/> is the job's configuration with each started emulator's URL and credentials added.
/// </summary>
public sealed class EmbeddedSystems : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _running = [];

    private EmbeddedSystems(IConfiguration configuration) => Configuration = configuration;

    /// <summary>The job's configuration, completed with the embedded emulators' settings.</summary>
    public IConfiguration Configuration { get; private set; }

    /// <summary>The embedded Salesforce org, or null when Salesforce is configured.</summary>
    public SalesforceEmulator? Salesforce { get; private set; }

    /// <summary>The embedded Exact Online division, or null when Exact Online is configured.</summary>
    public ExactOnlineEmulator? ExactOnline { get; private set; }

    /// <summary>The embedded SuperOffice tenant, or null when SuperOffice is configured.</summary>
    public SuperOfficeEmulator? SuperOffice { get; private set; }

    /// <summary>The embedded Customcrm, or null when Customcrm is configured.</summary>
    public CustomSystemEmulator? Customcrm { get; private set; }

    /// <summary>Whether every system is embedded (nothing configured): the job then owns all the remote data.</summary>
    public bool All => Salesforce is not null && ExactOnline is not null && SuperOffice is not null && Customcrm is not null;

    /// <summary>Whether any system is embedded.</summary>
    public bool Any => Salesforce is not null || ExactOnline is not null || SuperOffice is not null || Customcrm is not null;

    /// <summary>Starts an emulator for each system whose endpoint setting is empty.</summary>
    /// <param name="configuration">The job's configuration.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<EmbeddedSystems> StartAsync(IConfiguration configuration, CancellationToken cancellationToken) =>
        StartAsync(configuration, null, cancellationToken);

    /// <summary>Starts an emulator for each system whose endpoint setting is empty, with the given emulator options.</summary>
    /// <param name="configuration">The job's configuration.</param>
    /// <param name="emulators">The emulators' options; their defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<EmbeddedSystems> StartAsync(IConfiguration configuration, EmbeddedEmulatorOptions? emulators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        emulators ??= new EmbeddedEmulatorOptions();
        var systems = new EmbeddedSystems(configuration);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (IsUnset(configuration, SystemSections.SalesforceEndpoint))
            {
                var salesforce = systems.Add(await SalesforceEmulator.StartAsync(emulators.Salesforce, cancellationToken).ConfigureAwait(false));
                systems.Salesforce = salesforce;
                settings[SystemSections.SalesforceEndpoint] = salesforce.BaseUrl.ToString();
                settings[SystemSections.Salesforce + ":ClientId"] = salesforce.ClientId;
                settings[SystemSections.Salesforce + ":ClientSecret"] = salesforce.ClientSecret;
                settings[SystemSections.Salesforce + ":PubSubUrl"] = salesforce.PubSubUrl.ToString();
            }

            if (IsUnset(configuration, SystemSections.ExactOnlineEndpoint))
            {
                var exact = systems.Add(await ExactOnlineEmulator.StartAsync(emulators.ExactOnline, cancellationToken).ConfigureAwait(false));
                systems.ExactOnline = exact;
                settings[SystemSections.ExactOnlineEndpoint] = exact.BaseUrl.ToString();
                settings[SystemSections.ExactOnline + ":ClientId"] = exact.ClientId;
                settings[SystemSections.ExactOnline + ":ClientSecret"] = exact.ClientSecret;
                settings[SystemSections.ExactOnline + ":RedirectUri"] = exact.RedirectUri;
                settings[SystemSections.ExactOnline + ":Division"] = exact.Division.ToString(CultureInfo.InvariantCulture);
                settings[SystemSections.ExactOnline + ":RefreshToken"] = exact.IssueRefreshToken();
                settings[SystemSections.ExactOnline + ":WebhookSecret"] = exact.WebhookSecret;
            }

            if (IsUnset(configuration, SystemSections.SuperOfficeEndpoint))
            {
                var superOffice = systems.Add(await SuperOfficeEmulator.StartAsync(emulators.SuperOffice, cancellationToken).ConfigureAwait(false));
                systems.SuperOffice = superOffice;
                settings[SystemSections.SuperOfficeEndpoint] = superOffice.BaseUrl.ToString();
                settings[SystemSections.SuperOffice + ":Tenant"] = superOffice.ContextIdentifier;
                settings[SystemSections.SuperOffice + ":ClientId"] = superOffice.ClientId;
                settings[SystemSections.SuperOffice + ":ClientSecret"] = superOffice.ClientSecret;
                settings[SystemSections.SuperOffice + ":RedirectUri"] = superOffice.RedirectUri;
                settings[SystemSections.SuperOffice + ":RefreshToken"] = superOffice.IssueRefreshToken();
            }

            if (IsUnset(configuration, SystemSections.CustomcrmEndpoint))
            {
                var options = new CustomSystemEmulatorOptions { Catalog = await CustomcrmCatalogAsync(cancellationToken).ConfigureAwait(false), RateLimit = emulators.CustomcrmRateLimit };
                var customcrm = systems.Add(await CustomSystemEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false));
                systems.Customcrm = customcrm;
                settings[SystemSections.CustomcrmEndpoint] = customcrm.BaseUrl.ToString();
                settings[SystemSections.Customcrm + ":ApiKey"] = customcrm.ApiKey;
            }
        }
        catch
        {
            await systems.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Settings of a system the user configured are left alone; an embedded system's come after (and so win).
        systems.Configuration = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(settings).Build();
        return systems;
    }

    /// <summary>The names of the embedded systems, for the job's opening lines.</summary>
    public IEnumerable<string> Describe()
    {
        if (Salesforce is not null)
        {
            yield return "Salesforce   " + Salesforce.BaseUrl;
        }

        if (ExactOnline is not null)
        {
            yield return "Exact Online " + ExactOnline.BaseUrl;
        }

        if (SuperOffice is not null)
        {
            yield return "SuperOffice  " + SuperOffice.BaseUrl;
        }

        if (Customcrm is not null)
        {
            yield return "Customcrm    " + Customcrm.BaseUrl;
        }
    }

    /// <summary>Stops the emulators.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var emulator in _running)
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
        }

        _running.Clear();
    }

    /// <summary>The Customcrm catalog the webshop was compiled against, which the embedded Customcrm enforces.</summary>
    public static async Task<string> CustomcrmCatalogAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(EmbeddedSystems).Assembly.GetManifestResourceStream("Customcrm.catalog.json")
            ?? throw new InvalidOperationException("The Customcrm catalog is not embedded in the job.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static bool IsUnset(IConfiguration configuration, string key) => string.IsNullOrWhiteSpace(configuration[key]);

    private T Add<T>(T emulator)
        where T : IAsyncDisposable
    {
        _running.Add(emulator);
        return emulator;
    }
}
