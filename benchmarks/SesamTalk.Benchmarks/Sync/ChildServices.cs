using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors;
using SesamTalk.Connectors.Custom;
using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>The child's connector, wired as a host wires it, with the connector's defaults (Salesforce: Bulk API 2.0 above 2,000 records).</summary>
internal static class ChildServices
{
    public static IServiceCollection AddConnector(this IServiceCollection services, ChildStart start) => start.System switch
    {
        SyncSystems.Custom => new SesamTalkBuilder(services).AddCustomSystem(SyncSystems.Shop, options =>
        {
            options.BaseUrl = new Uri(start.Connection.BaseUrl);
            options.ApiKey = start.Connection.Key;
        }).Services,
        SyncSystems.Salesforce => new SesamTalkBuilder(services).AddSalesforce(options =>
        {
            options.LoginUrl = new Uri(start.Connection.BaseUrl);
            options.ClientId = start.Connection.Key;
            options.ClientSecret = start.Connection.Secret;
            options.BulkJobLog = Path.Combine(start.WorkDirectory, start.Mode + "-bulk-jobs");
        }).Services,
        _ => throw new ArgumentException($"Unknown system '{start.System}'.", nameof(start)),
    };

    public static SyncTarget Target(string system) =>
        system == SyncSystems.Custom ? new SyncTarget(SyncSystems.Shop, "Product") : new SyncTarget("Salesforce", "Product2");
}
