using SesamTalk;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>A <see cref="SystemHost{TEntity}"/> whose entity syncs with an emulated Salesforce org through the real connector.</summary>
internal static class SalesforceConnection
{
    /// <summary>
    /// The bulk job log of every test org: one directory, as each entry is one job (ids differ between emulators) and is
    /// found by the engine's intent keys (GUIDs); the log deletes entries after seven days.
    /// </summary>
    public static string BulkJobLog { get; } = Path.Combine(Path.GetTempPath(), "sesamtalk-engine-tests", "salesforce-bulk-jobs");

    /// <summary>The host of one entity synced with the org.</summary>
    /// <param name="salesforce">The org.</param>
    /// <param name="getId">Reads a host record's id.</param>
    /// <param name="setId">Sets a new host record's id.</param>
    /// <param name="services">More registrations (the host stores of referenced entities).</param>
    /// <param name="configure">Changes to the connector's options (the bulk path's, say).</param>
    public static SystemHost<TEntity> Host<TEntity>(
        SalesforceEmulator salesforce, Func<TEntity, string> getId, Action<TEntity, string> setId, Action<IServiceCollection>? services = null, Action<SalesforceOptions>? configure = null)
        where TEntity : class =>
        new(new InMemoryHostStore<TEntity>(getId, setId), collection =>
        {
            services?.Invoke(collection);
            collection.AddSalesforce(salesforce, configure);
        });

    /// <summary>Registers the connector against the org, with short retries, no daily-call reserve and quick bulk polls.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="salesforce">The org.</param>
    /// <param name="configure">Changes to the connector's options (the bulk path's, say).</param>
    public static IServiceCollection AddSalesforce(this IServiceCollection services, SalesforceEmulator salesforce, Action<SalesforceOptions>? configure = null) =>
        new SesamTalkBuilder(services).AddSalesforce(options =>
        {
            options.LoginUrl = salesforce.BaseUrl;
            options.ClientId = salesforce.ClientId;
            options.ClientSecret = salesforce.ClientSecret;
            options.DailyCallReserve = 0;
            options.MaxRetryDelay = TimeSpan.FromSeconds(2);
            options.BulkJobLog = BulkJobLog;
            options.BulkPollInterval = TimeSpan.FromMilliseconds(50);
            options.BulkMaxPollInterval = TimeSpan.FromMilliseconds(200);
            configure?.Invoke(options);
        }).Services;
}
