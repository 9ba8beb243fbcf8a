using SesamTalk.Testing.Salesforce;

namespace SesamTalk.ClientCompatibility.Tests.Jsforce;

/// <summary>
/// One Salesforce emulator on a loopback port for every jsforce scenario of a run, with jsforce installed. Scenarios
/// keep to their own records (each tags what it creates), so they share the org.
/// </summary>
public sealed class JsforceOrg : IAsyncLifetime
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromMinutes(2);

    private SalesforceEmulator? _emulator;
    private Dictionary<string, string> _environment = [];

    public async Task InitializeAsync()
    {
        await NodeRuntime.EnsureAvailableAsync(JsforceFolder.Path);
        await NpmPackages.EnsureInstalledAsync(JsforceFolder.Path);
        _emulator = await SalesforceEmulator.StartAsync();
        // What lib/settings.mjs reads: the org's URL and credentials, and a refresh token as if a user had authorised the app.
        _environment = new Dictionary<string, string>
        {
            ["SF_LOGIN_URL"] = _emulator.BaseUrl.ToString(),
            ["SF_CLIENT_ID"] = _emulator.ClientId,
            ["SF_CLIENT_SECRET"] = _emulator.ClientSecret,
            ["SF_USERNAME"] = _emulator.Username,
            ["SF_PASSWORD"] = _emulator.Password,
            ["SF_REFRESH_TOKEN"] = _emulator.IssueRefreshToken(),
        };
    }

    /// <summary>Runs <c>node scenario.mjs <paramref name="scenario"/></c> against the emulator.</summary>
    internal Task<ChildProcessResult> RunAsync(string scenario) =>
        ChildProcess.RunAsync("node", ["scenario.mjs", scenario], JsforceFolder.Path, _environment, ScenarioTimeout);

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
