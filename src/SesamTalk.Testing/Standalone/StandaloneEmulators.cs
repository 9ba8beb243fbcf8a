using System.Text;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Demo;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Testing.Standalone;

/// <summary>
/// Starts emulators on given loopback ports for other programs and real clients to use, and describes each: base
/// URL, the credentials to sign in with, and the configuration keys of the library's connectors that reach it
/// (<c>SesamTalk:Salesforce:LoginUrl=...</c>, which the sample job reads too), then all of them as one
/// <c>appsettings.json</c> snippet. With the demo, each holds <see cref="RemoteDemoData"/> and Salesforce invoices every
/// order as it is created, as the main job's embedded emulators do.
/// </summary>
public sealed class StandaloneEmulators : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _running = [];
    private readonly List<KeyValuePair<string, string>> _settings = [];
    private readonly StringBuilder _systems = new();
    private int _described;
    private bool _seedDemo;

    private StandaloneEmulators()
    {
    }

    /// <summary>
    /// What was started and how to reach it: one block per system with its credentials and its configuration keys as
    /// <c>Key=value</c> lines, then <see cref="AppSettingsJson"/>.
    /// </summary>
    public string Description => _systems + "\nappsettings.json:\n" + AppSettingsJson + "\n";

    /// <summary>The base URL of each started system, by name.</summary>
    public IDictionary<string, Uri> BaseUrls { get; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The connectors' settings that reach the started systems, e.g. <c>SesamTalk:Salesforce:LoginUrl</c>.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <see cref="Settings"/> as an <c>appsettings.json</c> document (<c>{ "SesamTalk": { "Salesforce": { "LoginUrl": ... } } }</c>),
    /// in the order the systems started.
    /// </summary>
    public string AppSettingsJson => AppSettingsSnippet.Render(_settings);

    /// <summary>Starts the systems; names other than Salesforce, SuperOffice and ExactOnline are custom systems.</summary>
    /// <param name="systems">The systems and ports.</param>
    /// <param name="seedDemo">Whether to seed <see cref="RemoteDemoData"/> and have Salesforce invoice new orders.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<StandaloneEmulators> StartAsync(IEnumerable<StandaloneSystem> systems, bool seedDemo = false, CancellationToken cancellationToken = default)
    {
        var emulators = new StandaloneEmulators { _seedDemo = seedDemo };
        try
        {
            foreach (var system in systems)
            {
                await emulators.StartOneAsync(system, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await emulators.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return emulators;
    }

    /// <summary>Stops every emulator, all at once, and releases their ports; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable[] running = [.. _running];
        _running.Clear();
        await Task.WhenAll(running.Select(emulator => emulator.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    private async Task StartOneAsync(StandaloneSystem system, CancellationToken cancellationToken)
    {
        if (system.IsCustom && system.Catalogs.Count > 1)
        {
            throw new ArgumentException($"The custom system {system.Name} takes one catalog, not {system.Catalogs.Count}.", nameof(system));
        }

        switch (system.Name.ToUpperInvariant())
        {
            case "SALESFORCE":
                var salesforce = Running(await SalesforceEmulator.StartAsync(Extended(new SalesforceEmulatorOptions { Port = system.Port, BillOrders = _seedDemo }, system, o => o.Catalogs), cancellationToken).ConfigureAwait(false));
                Seed(salesforce, RemoteDemoData.SeedSalesforce);
                Configure("SesamTalk:Salesforce", ("LoginUrl", salesforce.BaseUrl.ToString()), ("ClientId", salesforce.ClientId), ("ClientSecret", salesforce.ClientSecret));
                Describe("Salesforce", salesforce.BaseUrl,
                    ("token URL", salesforce.TokenUrl + "  (grant_type=client_credentials, password or refresh_token)"),
                    ("client_id", salesforce.ClientId),
                    ("client_secret", salesforce.ClientSecret),
                    ("username / password", salesforce.Username + " / " + salesforce.Password),
                    ("refresh token", salesforce.IssueRefreshToken() + "  (as if a user had authorised the app: for clients of the web-server flow)"));
                break;
            case "EXACTONLINE":
                var exact = Running(await ExactOnlineEmulator.StartAsync(Extended(new ExactOnlineEmulatorOptions { Port = system.Port }, system, o => o.Catalogs), cancellationToken).ConfigureAwait(false));
                var exactToken = exact.IssueRefreshToken();
                Configure("SesamTalk:ExactOnline", ("BaseUrl", exact.BaseUrl.ToString()), ("ClientId", exact.ClientId), ("ClientSecret", exact.ClientSecret),
                    ("RedirectUri", exact.RedirectUri), ("Division", exact.Division.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("RefreshToken", exactToken),
                    ("WebhookSecret", exact.WebhookSecret));
                Describe("ExactOnline", exact.BaseUrl,
                    ("authorize URL", exact.AuthorizeUrl.ToString()),
                    ("token URL", exact.TokenUrl.ToString()),
                    ("client_id", exact.ClientId),
                    ("client_secret", exact.ClientSecret),
                    ("redirect_uri", exact.RedirectUri),
                    ("division", exact.Division.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("refresh_token", exactToken + "  (a first one, so no browser is needed)"),
                    ("webhook secret", exact.WebhookSecret + "  (the key of the HashCode its webhook notifications carry)"));
                break;
            case "SUPEROFFICE":
                var superOffice = Running(await SuperOfficeEmulator.StartAsync(Extended(new SuperOfficeEmulatorOptions { Port = system.Port }, system, o => o.Catalogs), cancellationToken).ConfigureAwait(false));
                Seed(superOffice, RemoteDemoData.SeedSuperOffice);
                var superOfficeToken = superOffice.IssueRefreshToken();
                Configure("SesamTalk:SuperOffice", ("LoginBaseUrl", superOffice.BaseUrl.ToString()), ("Tenant", superOffice.ContextIdentifier), ("ClientId", superOffice.ClientId),
                    ("ClientSecret", superOffice.ClientSecret), ("RedirectUri", superOffice.RedirectUri), ("RefreshToken", superOfficeToken));
                Describe("SuperOffice", superOffice.BaseUrl,
                    ("API URL", superOffice.ApiUrl.ToString()),
                    ("authorize URL", superOffice.AuthorizeUrl.ToString()),
                    ("token URL", superOffice.TokenUrl.ToString()),
                    ("client_id", superOffice.ClientId),
                    ("client_secret", superOffice.ClientSecret),
                    ("redirect_uri", superOffice.RedirectUri),
                    ("refresh_token", superOfficeToken + "  (a first one, so no browser is needed)"));
                break;
            default:
                var custom = Running(await CustomSystemEmulator.StartAsync(new CustomSystemEmulatorOptions { Port = system.Port, Catalog = system.Catalogs.SingleOrDefault() }, cancellationToken).ConfigureAwait(false));
                if (string.Equals(system.Name, "Customcrm", StringComparison.OrdinalIgnoreCase))
                {
                    Seed(custom, RemoteDemoData.SeedCustomcrm);
                }

                Configure("SesamTalk:Custom:" + system.Name, ("BaseUrl", custom.BaseUrl.ToString()), ("ApiKey", custom.ApiKey));
                Describe(system.Name, custom.BaseUrl, ("API key", custom.ApiKey + "  (Authorization: Bearer)"), ("contract", "docs/custom-system-contract.md"));
                break;
        }
    }

    /// <summary>A standard emulator's options with the system's catalogs added to its <c>Catalogs</c>.</summary>
    private static TOptions Extended<TOptions>(TOptions options, StandaloneSystem system, Func<TOptions, ICollection<string>> catalogs)
    {
        foreach (var catalog in system.Catalogs)
        {
            catalogs(options).Add(catalog);
        }

        return options;
    }

    /// <summary>Keeps a started emulator to stop on dispose, before anything else can fail.</summary>
    private T Running<T>(T emulator)
        where T : IAsyncDisposable
    {
        _running.Add(emulator);
        return emulator;
    }

    private void Seed<T>(T emulator, Action<T> seed)
    {
        if (_seedDemo)
        {
            seed(emulator);
        }
    }

    /// <summary>Adds a system's connector settings, printed with the system by <see cref="Describe"/>.</summary>
    private void Configure(string section, params (string Key, string Value)[] settings)
    {
        foreach (var (key, value) in settings)
        {
            var setting = new KeyValuePair<string, string>(section + ":" + key, value);
            _settings.Add(setting);
            Settings.Add(setting);
        }
    }

    /// <summary>Adds a started system's block to the description: its details, then the settings <see cref="Configure"/> added since the last block.</summary>
    private void Describe(string name, Uri baseUrl, params (string Label, string Value)[] details)
    {
        BaseUrls[name] = baseUrl;
        _systems.Append(name).Append("  ").Append(baseUrl).Append('\n');
        foreach (var (label, value) in details)
        {
            _systems.Append("  ").Append(label).Append(": ").Append(value).Append('\n');
        }

        _systems.Append("  configuration:\n");
        foreach (var (key, value) in _settings.Skip(_described))
        {
            _systems.Append("    ").Append(key).Append('=').Append(value).Append('\n');
        }

        _described = _settings.Count;
    }
}
