using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Custom;

/// <summary>Registers custom systems that speak the custom-system contract.</summary>
public static class CustomServiceCollectionExtensions
{
    /// <summary>Registers the custom system <paramref name="system"/> (call once per system), reachable through <see cref="CustomSystemClients"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="system">The system's name, as in <c>[SyncsWith("Customcrm", ...)]</c>.</param>
    /// <param name="configure">Sets the system's options.</param>
    public static IServiceCollection AddCustomSystemConnector(this IServiceCollection services, string system, Action<CustomConnectorOptions> configure)
    {
        services.Configure(system, configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CustomSystemClients>();
        services.AddHttpClient(CustomSystemClients.HttpClientName(system))
            .AddHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptionsMonitor<CustomConnectorOptions>>().Get(system);
                return new RetryHandler(options.MaxRetries, options.MaxRetryDelay, provider.GetRequiredService<TimeProvider>());
            });
        return services;
    }
}
