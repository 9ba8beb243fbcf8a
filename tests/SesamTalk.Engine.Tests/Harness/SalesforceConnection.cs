using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>A <see cref="SystemHost{TEntity}"/> whose entity syncs with an emulated Salesforce org through the real connector.</summary>
internal static class SalesforceConnection
{
    /// <summary>The host of one entity synced with the org.</summary>
    /// <param name="salesforce">The org.</param>
    /// <param name="getId">Reads a host record's id.</param>
    /// <param name="setId">Sets a new host record's id.</param>
    /// <param name="services">More registrations (the host stores of referenced entities).</param>
    public static SystemHost<TEntity> Host<TEntity>(SalesforceEmulator salesforce, Func<TEntity, string> getId, Action<TEntity, string> setId, Action<IServiceCollection>? services = null)
        where TEntity : class =>
        new(new InMemoryHostStore<TEntity>(getId, setId), collection =>
        {
            services?.Invoke(collection);
            collection.AddSalesforce(salesforce);
        });

    /// <summary>Registers the connector against the org, with short retries and no daily-call reserve.</summary>
    public static IServiceCollection AddSalesforce(this IServiceCollection services, SalesforceEmulator salesforce) =>
        services.AddSalesforceConnector(options =>
        {
            options.LoginUrl = salesforce.BaseUrl;
            options.ClientId = salesforce.ClientId;
            options.ClientSecret = salesforce.ClientSecret;
            options.DailyCallReserve = 0;
            options.MaxRetryDelay = TimeSpan.FromSeconds(2);
        });
}
