using Microsoft.Extensions.Configuration;

namespace SesamTalk.Samples.SyncJob.Remote;

/// <summary>
/// The job's additions to the library's configuration-bound registration: the files a connector keeps live in the state
/// directory unless the configuration names others: the rotating refresh tokens of Exact Online and SuperOffice
/// (<c>RefreshTokenFile</c>), and each host's Salesforce bulk job log (<c>BulkJobLog</c>), beside its link store.
/// </summary>
internal static class ConnectorConfiguration
{
    /// <summary>The system's section, with <c>RefreshTokenFile</c> in the state directory when the configuration names none.</summary>
    public static IConfigurationSection WithTokenFile(IConfiguration configuration, string section, string stateDirectory) =>
        WithStatePath(configuration, section, "RefreshTokenFile", Path.Combine(stateDirectory, section.Split(':')[^1].ToLowerInvariant() + ".refresh-token"));

    /// <summary>The Salesforce section, with the host's <c>BulkJobLog</c> in the state directory when the configuration names none.</summary>
    public static IConfigurationSection WithBulkJobLog(IConfiguration configuration, string section, string stateDirectory, string host) =>
        WithStatePath(configuration, section, "BulkJobLog", Path.Combine(stateDirectory, host.ToLowerInvariant() + ".salesforce-bulk-jobs"));

    private static IConfigurationSection WithStatePath(IConfiguration configuration, string section, string setting, string path)
    {
        var key = section + ":" + setting;
        return (configuration[key] is { Length: > 0 }
                ? configuration
                : new ConfigurationBuilder()
                    .AddConfiguration(configuration)
                    .AddInMemoryCollection(new Dictionary<string, string?> { [key] = path })
                    .Build())
            .GetSection(section);
    }
}
