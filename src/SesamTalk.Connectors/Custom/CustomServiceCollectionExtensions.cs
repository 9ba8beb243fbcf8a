using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Custom;

/// <summary>Registers custom systems that speak the custom-system contract.</summary>
public static class CustomServiceCollectionExtensions
{
    /// <summary>
    /// Registers the custom system <paramref name="system"/> (call once per system): its client through
    /// <see cref="CustomSystemClients"/> and its <see cref="ISyncConnector"/> for the engine, with API calls counted per system.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="system">The system's name, as in <c>[SyncsWith("Customcrm", ...)]</c>.</param>
    /// <param name="configure">Sets the system's options.</param>
    public static IServiceCollection AddCustomSystemConnector(this IServiceCollection services, string system, Action<CustomConnectorOptions> configure)
    {
        services.Configure(system, configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CustomSystemClients>();
        // One counter and one rate-limit window per system: every custom system shares the client type.
        var calls = new ApiCallCounter<CustomSystemClient>();
        var window = new CustomRateLimitWindow(system);
        services.AddHttpClient(CustomSystemClients.HttpClientName(system))
            .AddRetries(provider => provider.GetRequiredService<IOptionsMonitor<CustomConnectorOptions>>().Get(system))
            .AddHttpMessageHandler(provider => new CustomRateLimitHandler(
                window,
                provider.GetRequiredService<IOptionsMonitor<CustomConnectorOptions>>().Get(system).MaxRetryDelay,
                provider.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(() => new ApiCallCountingHandler<CustomSystemClient>(calls));
        services.AddSingleton<ISyncConnector>(provider =>
            new CustomSyncConnector(provider.GetRequiredService<CustomSystemClients>().Get(system), () => calls.Calls));
        return services;
    }
}
