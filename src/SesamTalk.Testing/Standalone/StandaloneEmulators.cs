using System.Text;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Testing.Standalone;

/// <summary>
/// Starts emulators on given loopback ports for other programs and real clients to use, and describes each: base
/// URL and the credentials to sign in with.
/// </summary>
public sealed class StandaloneEmulators : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _running = [];
    private readonly StringBuilder _description = new();

    private StandaloneEmulators()
    {
    }

    /// <summary>What was started and how to reach it, one block per system.</summary>
    public string Description => _description.ToString();

    /// <summary>The base URL of each started system, by name.</summary>
    public IDictionary<string, Uri> BaseUrls { get; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts the systems; names other than Salesforce, SuperOffice and ExactOnline are custom systems.</summary>
    /// <param name="systems">The systems and ports.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<StandaloneEmulators> StartAsync(IEnumerable<StandaloneSystem> systems, CancellationToken cancellationToken = default)
    {
        var emulators = new StandaloneEmulators();
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

    /// <summary>Stops every emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var emulator in _running)
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
        }

        _running.Clear();
    }

    private async Task StartOneAsync(StandaloneSystem system, CancellationToken cancellationToken)
    {
        switch (system.Name.ToUpperInvariant())
        {
            case "SALESFORCE":
                var salesforce = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { Port = system.Port }, cancellationToken).ConfigureAwait(false);
                Add("Salesforce", salesforce, salesforce.BaseUrl,
                    ("token URL", salesforce.TokenUrl + "  (grant_type=client_credentials, password or refresh_token)"),
                    ("client_id", salesforce.ClientId),
                    ("client_secret", salesforce.ClientSecret),
                    ("username / password", salesforce.Username + " / " + salesforce.Password));
                break;
            case "EXACTONLINE":
                var exact = await ExactOnlineEmulator.StartAsync(new ExactOnlineEmulatorOptions { Port = system.Port }, cancellationToken).ConfigureAwait(false);
                Add("ExactOnline", exact, exact.BaseUrl,
                    ("authorize URL", exact.AuthorizeUrl.ToString()),
                    ("token URL", exact.TokenUrl.ToString()),
                    ("client_id", exact.ClientId),
                    ("client_secret", exact.ClientSecret),
                    ("redirect_uri", exact.RedirectUri),
                    ("division", exact.Division.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("refresh_token", exact.IssueRefreshToken() + "  (a first one, so no browser is needed)"));
                break;
            case "SUPEROFFICE":
                var superOffice = await SuperOfficeEmulator.StartAsync(new SuperOfficeEmulatorOptions { Port = system.Port }, cancellationToken).ConfigureAwait(false);
                Add("SuperOffice", superOffice, superOffice.BaseUrl,
                    ("API URL", superOffice.ApiUrl.ToString()),
                    ("authorize URL", superOffice.AuthorizeUrl.ToString()),
                    ("token URL", superOffice.TokenUrl.ToString()),
                    ("client_id", superOffice.ClientId),
                    ("client_secret", superOffice.ClientSecret),
                    ("redirect_uri", superOffice.RedirectUri),
                    ("refresh_token", superOffice.IssueRefreshToken() + "  (a first one, so no browser is needed)"));
                break;
            default:
                var custom = await CustomSystemEmulator.StartAsync(new CustomSystemEmulatorOptions { Port = system.Port }, cancellationToken).ConfigureAwait(false);
                Add(system.Name, custom, custom.BaseUrl, ("API key", custom.ApiKey + "  (Authorization: Bearer)"), ("contract", "docs/custom-system-contract.md"));
                break;
        }
    }

    private void Add(string name, IAsyncDisposable emulator, Uri baseUrl, params (string Label, string Value)[] details)
    {
        _running.Add(emulator);
        BaseUrls[name] = baseUrl;
        _description.Append(name).Append("  ").Append(baseUrl).Append('\n');
        foreach (var (label, value) in details)
        {
            _description.Append("  ").Append(label).Append(": ").Append(value).Append('\n');
        }
    }
}
