using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>A <see cref="SystemHost{TEntity}"/> whose entity syncs with an emulated Salesforce org through the real connector.</summary>
internal static class SalesforceConnection
{
    public static SystemHost<TEntity> Host<TEntity>(SalesforceEmulator salesforce, Func<TEntity, string> getId, Action<TEntity, string> setId)
        where TEntity : class =>
        new(new InMemoryHostStore<TEntity>(getId, setId), services => services.AddSalesforceConnector(options =>
        {
            options.LoginUrl = salesforce.BaseUrl;
            options.ClientId = salesforce.ClientId;
            options.ClientSecret = salesforce.ClientSecret;
            options.DailyCallReserve = 0;
            options.MaxRetryDelay = TimeSpan.FromSeconds(2);
        }));
}
