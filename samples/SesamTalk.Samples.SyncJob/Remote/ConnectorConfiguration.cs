using Microsoft.Extensions.Configuration;

namespace SesamTalk.Samples.SyncJob.Remote;

/// <summary>
/// The job's one addition to the library's configuration-bound registration: the rotating refresh tokens of Exact
/// Online and SuperOffice are kept in the state directory unless the configuration names another <c>RefreshTokenFile</c>.
/// </summary>
internal static class ConnectorConfiguration
{
    /// <summary>The system's section, with <c>RefreshTokenFile</c> in the state directory when the configuration names none.</summary>
    public static IConfigurationSection WithTokenFile(IConfiguration configuration, string section, string stateDirectory)
    {
        var key = section + ":RefreshTokenFile";
        return (configuration[key] is { Length: > 0 }
                ? configuration
                : new ConfigurationBuilder()
                    .AddConfiguration(configuration)
                    .AddInMemoryCollection(new Dictionary<string, string?> { [key] = Path.Combine(stateDirectory, section.Split(':')[^1].ToLowerInvariant() + ".refresh-token") })
                    .Build())
            .GetSection(section);
    }
}
