using Microsoft.Extensions.Configuration;
using SesamTalk.Connectors.Hosting;

namespace SesamTalk.Samples.SyncJob.Remote;

/// <summary>
/// Registers the systems a host syncs with through the library's configuration-bound methods (<c>AddSalesforce(section)</c>
/// and its kin, checked when the container starts). The rotating refresh tokens of Exact Online and SuperOffice are
/// kept in the state directory unless the configuration names another <c>RefreshTokenFile</c>.
/// </summary>
internal static class ConnectorConfiguration
{
    public static SesamTalkBuilder AddSalesforce(this SesamTalkBuilder builder, IConfiguration configuration) =>
        ConfiguredSystems.AddSalesforce(builder, configuration.GetSection(SystemSections.Salesforce));

    public static SesamTalkBuilder AddExactOnline(this SesamTalkBuilder builder, IConfiguration configuration, string stateDirectory) =>
        ConfiguredSystems.AddExactOnline(builder, WithTokenFile(configuration, SystemSections.ExactOnline, stateDirectory, "exactonline"));

    public static SesamTalkBuilder AddSuperOffice(this SesamTalkBuilder builder, IConfiguration configuration, string stateDirectory) =>
        ConfiguredSystems.AddSuperOffice(builder, WithTokenFile(configuration, SystemSections.SuperOffice, stateDirectory, "superoffice"));

    public static SesamTalkBuilder AddCustomcrm(this SesamTalkBuilder builder, IConfiguration configuration) =>
        builder.AddCustomSystem(SystemSections.CustomcrmName, configuration.GetSection(SystemSections.Customcrm));

    /// <summary>The system's section, with <c>RefreshTokenFile</c> in the state directory when the configuration names none.</summary>
    private static IConfigurationSection WithTokenFile(IConfiguration configuration, string section, string stateDirectory, string system)
    {
        var key = section + ":RefreshTokenFile";
        return (configuration[key] is { Length: > 0 }
                ? configuration
                : new ConfigurationBuilder()
                    .AddConfiguration(configuration)
                    .AddInMemoryCollection(new Dictionary<string, string?> { [key] = Path.Combine(stateDirectory, system + ".refresh-token") })
                    .Build())
            .GetSection(section);
    }
}
