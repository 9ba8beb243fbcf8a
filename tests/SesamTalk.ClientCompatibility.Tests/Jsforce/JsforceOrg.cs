using System.Text.RegularExpressions;
using SesamTalk.Tests.Shared;

namespace SesamTalk.ClientCompatibility.Tests.Jsforce;

/// <summary>
/// The standalone emulator tool (tools/SesamTalk.Emulators) serving Salesforce on a free loopback port for every jsforce
/// scenario of a run, with jsforce installed; the URL and credentials are the ones the tool prints, as a user would
/// copy them. Scenarios keep to their own records (each tags what it creates), so they share the org.
/// </summary>
public sealed partial class JsforceOrg : IAsyncLifetime
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromMinutes(2);

    private ToolProcess? _tool;
    private Dictionary<string, string> _environment = [];

    public async Task InitializeAsync()
    {
        await NodeRuntime.EnsureAvailableAsync(JsforceFolder.Path);
        await NpmPackages.EnsureInstalledAsync(JsforceFolder.Path);
        _tool = ToolProcess.Start("Salesforce");
        await _tool.WaitUntilReadyAsync();
        var printed = _tool.Output;
        var login = Printed(printed, SettingLine("LoginUrl"));
        var credentials = Printed(printed, UserLine()).Split(" / ");
        // What lib/settings.mjs reads: the org's URL and credentials, and the refresh token the tool issued.
        _environment = new Dictionary<string, string>
        {
            ["SF_LOGIN_URL"] = login,
            ["SF_CLIENT_ID"] = Printed(printed, SettingLine("ClientId")),
            ["SF_CLIENT_SECRET"] = Printed(printed, SettingLine("ClientSecret")),
            ["SF_USERNAME"] = credentials[0],
            ["SF_PASSWORD"] = credentials[1],
            ["SF_REFRESH_TOKEN"] = Printed(printed, RefreshTokenLine()),
        };
    }

    /// <summary>Runs <c>node scenario.mjs <paramref name="scenario"/></c> against the tool's Salesforce.</summary>
    internal Task<ChildProcessResult> RunAsync(string scenario) =>
        ChildProcess.RunAsync("node", ["scenario.mjs", scenario], JsforceFolder.Path, _environment, ScenarioTimeout);

    public async Task DisposeAsync()
    {
        if (_tool is not null)
        {
            _tool.Send("TERM");
            await _tool.WaitForExitAsync(TimeSpan.FromSeconds(30));
            _tool.Dispose();
        }
    }

    private static Regex SettingLine(string key) => new($@"^\s*SesamTalk:Salesforce:{key}=(\S+)\s*$", RegexOptions.Multiline);

    [GeneratedRegex(@"^\s*username / password: (.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex UserLine();

    [GeneratedRegex(@"^\s*refresh token: (\S+)", RegexOptions.Multiline)]
    private static partial Regex RefreshTokenLine();

    private static string Printed(string output, Regex line) =>
        line.Match(output) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"The tool did not print {line}:\n{output}");
}
