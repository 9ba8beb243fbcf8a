using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Custom;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Connectors.SuperOffice;

namespace SesamTalk.Samples.SyncJob.Remote;

/// <summary>
/// Registers each system's connector with its options bound from the system's configuration section, named after the
/// option classes' properties (<c>SesamTalk:Salesforce:ClientId</c>, <c>SesamTalk:Custom:Customcrm:ApiKey</c>, ...).
/// The refresh tokens of Exact Online and SuperOffice (<c>RefreshToken</c> in their sections) seed a token store in the
/// state directory, which keeps the rotated tokens from then on.
/// </summary>
internal static class ConnectorConfiguration
{
    public static IServiceCollection AddSalesforce(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSalesforceConnector(options => configuration.GetSection(SystemSections.Salesforce).Bind(options));

    public static IServiceCollection AddExactOnline(this IServiceCollection services, IConfiguration configuration, string stateDirectory)
    {
        var section = configuration.GetSection(SystemSections.ExactOnline);
        services.AddSingleton<IExactOnlineTokenStore>(new FileRefreshTokenStore(Path.Combine(stateDirectory, "exactonline.refresh-token"), section["RefreshToken"]));
        return services.AddExactOnlineConnector(options => section.Bind(options));
    }

    public static IServiceCollection AddSuperOffice(this IServiceCollection services, IConfiguration configuration, string stateDirectory)
    {
        var section = configuration.GetSection(SystemSections.SuperOffice);
        services.AddSingleton<ISuperOfficeTokenStore>(new FileRefreshTokenStore(Path.Combine(stateDirectory, "superoffice.refresh-token"), section["RefreshToken"]));
        return services.AddSuperOfficeConnector(options => section.Bind(options));
    }

    public static IServiceCollection AddCustomcrm(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCustomSystemConnector(SystemSections.CustomcrmName, options => configuration.GetSection(SystemSections.Customcrm).Bind(options));
}
