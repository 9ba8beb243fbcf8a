using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Custom;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Samples.Customwebshop;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.Standalone;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>
/// What the standalone tool prints for pasting (tools/SesamTalk.Emulators prints <see cref="StandaloneEmulators.Description"/>)
/// is what the connectors bind: the appsettings.json snippet goes through the library's configuration-bound registration
/// into the real options, and the <c>SesamTalk:...=value</c> lines read as command-line arguments give the same settings.
/// </summary>
public sealed partial class StandaloneSettingsTests
{
    [Fact]
    public async Task The_printed_appsettings_json_binds_into_the_connectors_options_and_passes_their_start_up_checks()
    {
        await using var emulators = await StandaloneEmulators.StartAsync([new("Salesforce", 0), new("SuperOffice", 0), new("ExactOnline", 0), new("Customcrm", 0)]);
        Assert.Contains("\nappsettings.json:\n" + emulators.AppSettingsJson + "\n", emulators.Description, StringComparison.Ordinal);
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(emulators.AppSettingsJson));
        var configuration = new ConfigurationBuilder().AddJsonStream(json).Build();

        var services = new ServiceCollection();
        services.AddSesamTalk()
            .AddSalesforce(configuration.GetSection("SesamTalk:Salesforce"))
            .AddExactOnline(configuration.GetSection("SesamTalk:ExactOnline"))
            .AddSuperOffice(configuration.GetSection("SesamTalk:SuperOffice"))
            .AddCustomSystem("Customcrm", configuration.GetSection("SesamTalk:Custom:Customcrm"));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var salesforce = provider.GetRequiredService<IOptionsMonitor<SalesforceOptions>>().Get("Salesforce");
        var salesforceEmulator = new SalesforceEmulatorOptions();
        Assert.Equal(emulators.BaseUrls["Salesforce"], salesforce.LoginUrl);
        Assert.Equal((salesforceEmulator.ClientId, salesforceEmulator.ClientSecret), (salesforce.ClientId, salesforce.ClientSecret));

        var exact = provider.GetRequiredService<IOptionsMonitor<ExactOnlineOptions>>().Get("ExactOnline");
        var exactEmulator = new ExactOnlineEmulatorOptions();
        Assert.Equal(emulators.BaseUrls["ExactOnline"], exact.BaseUrl);
        Assert.Equal((exactEmulator.ClientId, exactEmulator.ClientSecret, exactEmulator.RedirectUri, exactEmulator.Division), (exact.ClientId, exact.ClientSecret, exact.RedirectUri, exact.Division));
        Assert.Equal(PrintedRefreshToken(emulators, "ExactOnline"), await provider.GetRequiredKeyedService<IExactOnlineTokenStore>("ExactOnline").LoadRefreshTokenAsync(CancellationToken.None));

        var superOffice = provider.GetRequiredService<IOptionsMonitor<SuperOfficeOptions>>().Get("SuperOffice");
        var superOfficeEmulator = new SuperOfficeEmulatorOptions();
        Assert.Equal(emulators.BaseUrls["SuperOffice"], superOffice.LoginBaseUrl);
        Assert.Equal(
            (superOfficeEmulator.ContextIdentifier, superOfficeEmulator.ClientId, superOfficeEmulator.ClientSecret, superOfficeEmulator.RedirectUri),
            (superOffice.Tenant, superOffice.ClientId, superOffice.ClientSecret, superOffice.RedirectUri));
        Assert.Equal(PrintedRefreshToken(emulators, "SuperOffice"), await provider.GetRequiredKeyedService<ISuperOfficeTokenStore>("SuperOffice").LoadRefreshTokenAsync(CancellationToken.None));

        var crm = provider.GetRequiredService<IOptionsMonitor<CustomConnectorOptions>>().Get("Customcrm");
        Assert.Equal(emulators.BaseUrls["Customcrm"], crm.BaseUrl);
        Assert.Equal(new CustomSystemEmulatorOptions().ApiKey, crm.ApiKey);
    }

    [Fact]
    public async Task The_printed_key_value_lines_as_command_line_arguments_are_the_same_settings_as_the_snippet()
    {
        await using var emulators = await StandaloneEmulators.StartAsync([new("Salesforce", 0), new("SuperOffice", 0), new("ExactOnline", 0), new("Customcrm", 0), new("Customerp", 0)]);
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(emulators.AppSettingsJson));

        var lines = SettingLines().Matches(emulators.Description).Select(match => match.Groups[1].Value).ToArray();
        var fromLines = new ConfigurationBuilder().AddCommandLine(lines).Build().AsEnumerable().Where(s => s.Value is not null);
        var fromSnippet = new ConfigurationBuilder().AddJsonStream(json).Build().AsEnumerable().Where(s => s.Value is not null);

        Assert.Equal(20, lines.Length); // Salesforce 3, SuperOffice 6, Exact Online 7 (with its webhook secret), two custom systems 2 each
        Assert.Equal(fromSnippet.OrderBy(s => s.Key, StringComparer.Ordinal), fromLines.OrderBy(s => s.Key, StringComparer.Ordinal));
    }

    /// <summary>The first refresh token printed in the system's block, among its credentials.</summary>
    private static string PrintedRefreshToken(StandaloneEmulators emulators, string system) =>
        Regex.Match(emulators.Description, "^" + system + @"  http[^\n]*\n(?:  [^\n]*\n)*?  refresh_token: (\S+)", RegexOptions.Multiline).Groups[1].Value;

    [GeneratedRegex(@"^    (SesamTalk:[^=\n]+=[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex SettingLines();
}
