using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>Registers the SuperOffice connector.</summary>
public static class SuperOfficeServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SuperOfficeClient"/> as a typed HttpClient with bearer auth (refresh on expiry and on 401) and
    /// retries that honour <c>Retry-After</c>, plus the <see cref="SuperOfficeSession"/>. The host registers its
    /// <see cref="ISuperOfficeTokenStore"/>; a <see cref="TimeProvider"/> is added when none is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the connection's options.</param>
    public static IServiceCollection AddSuperOfficeConnector(this IServiceCollection services, Action<SuperOfficeOptions> configure)
    {
        services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SuperOfficeSession>();
        services.AddHttpClient(SuperOfficeSession.LoginClient)
            .AddRetries(Settings);
        services.AddHttpClient<SuperOfficeClient>()
            .AddHttpMessageHandler(provider => new BearerTokenHandler<SuperOfficeToken>(provider.GetRequiredService<SuperOfficeSession>()))
            .AddRetries(Settings)
            .AddApiCallCounting<SuperOfficeClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISyncConnector, SuperOfficeSyncConnector>());
        return services;
    }

    private static IRetrySettings Settings(IServiceProvider provider) => provider.GetRequiredService<IOptions<SuperOfficeOptions>>().Value;
}
