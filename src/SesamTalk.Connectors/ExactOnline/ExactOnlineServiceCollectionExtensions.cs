using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>Registers the Exact Online connector.</summary>
public static class ExactOnlineServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ExactOnlineClient"/> as a typed HttpClient with bearer auth (refresh on expiry and on 401),
    /// retries that honour <c>Retry-After</c>, and pacing by Exact's rate-limit headers, plus the
    /// <see cref="ExactOnlineSession"/>. The host registers its <see cref="IExactOnlineTokenStore"/>; a
    /// <see cref="TimeProvider"/> is added when none is registered. <see cref="ExactOnlineSyncConnector"/> is registered as the
    /// division's <see cref="ISyncConnector"/>; every call that reaches the wire is counted.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the connection's options.</param>
    public static IServiceCollection AddExactOnlineConnector(this IServiceCollection services, Action<ExactOnlineOptions> configure)
    {
        services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ExactOnlineSession>();
        services.TryAddSingleton<ExactOnlineRateLimits>();
        services.AddHttpClient(ExactOnlineSession.LoginClient)
            .AddRetries(Settings);
        services.AddHttpClient<ExactOnlineClient>()
            .AddHttpMessageHandler(provider => new BearerTokenHandler<ExactOnlineToken>(provider.GetRequiredService<ExactOnlineSession>()))
            .AddRetries(Settings)
            .AddHttpMessageHandler(provider => new ExactOnlineRateLimitHandler(provider.GetRequiredService<ExactOnlineRateLimits>(), provider.GetRequiredService<TimeProvider>()))
            .AddApiCallCounting<ExactOnlineClient>();
        services.AddSingleton<ISyncConnector>(provider => new ExactOnlineSyncConnector(
            provider.GetRequiredService<ExactOnlineClient>(),
            provider.GetRequiredService<ExactOnlineRateLimits>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ApiCallCounter<ExactOnlineClient>>()));
        return services;
    }

    private static IRetrySettings Settings(IServiceProvider provider) => provider.GetRequiredService<IOptions<ExactOnlineOptions>>().Value;
}
