using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>Registers the Salesforce connector.</summary>
public static class SalesforceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SalesforceClient"/> as a typed HttpClient behind the quota handler (stops at the daily
    /// reserve), the auth handler (bearer token, one re-authentication on 401) and the retry handler (Retry-After,
    /// backoff), with the org's options, the bulk job log (<see cref="SalesforceBulkJobDirectory"/> in
    /// <see cref="SalesforceOptions.BulkJobLog"/> unless an <see cref="ISalesforceBulkJobLog"/> is registered first), and
    /// <see cref="SalesforceSyncConnector"/> as the org's <see cref="ISyncConnector"/>.
    /// Every call that reaches the wire is counted (<see cref="ISyncConnector.ApiCalls"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the org's options.</param>
    public static IServiceCollection AddSalesforceConnector(this IServiceCollection services, Action<SalesforceOptions> configure)
    {
        services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SalesforceSession>();
        services.TryAddSingleton<SalesforceApiUsage>();
        services.TryAddSingleton<ISalesforceBulkJobLog>(provider => new SalesforceBulkJobDirectory(
            provider.GetRequiredService<IOptions<SalesforceOptions>>().Value.BulkJobLog, provider.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(SalesforceSession.LoginClient)
            .AddRetries(Settings);
        services.AddHttpClient<SalesforceClient>()
            .AddHttpMessageHandler(provider => new SalesforceLimitHandler(
                provider.GetRequiredService<SalesforceApiUsage>(),
                provider.GetRequiredService<IOptions<SalesforceOptions>>().Value.DailyCallReserve,
                provider.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(provider => new BearerTokenHandler<SalesforceToken>(provider.GetRequiredService<SalesforceSession>()))
            .AddRetries(Settings)
            .AddApiCallCounting<SalesforceClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISyncConnector, SalesforceSyncConnector>());
        return services;
    }

    private static IRetrySettings Settings(IServiceProvider provider) => provider.GetRequiredService<IOptions<SalesforceOptions>>().Value;
}
