using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Engine.Tests.Entities;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>
/// The registrations of a host whose products sync with a Shop custom system in the background, as the hosting tests
/// build it from configuration (<c>SesamTalk:Custom:Shop</c>, <c>SesamTalk:Engine</c>, <c>SesamTalk:Schedule</c>): a SQLite
/// link store at <paramref name="linkStorePath"/>, the products in <paramref name="products"/>, every log line in <paramref name="logs"/>.
/// </summary>
public static class ShopBackgroundSync
{
    public static ServiceCollection Services(IConfiguration configuration, IHostStore<Product> products, string linkStorePath, CapturedLogs logs)
    {
        var services = new ServiceCollection();
        services.AddSingleton(logs);
        services.AddSingleton(typeof(ILogger<>), typeof(CapturingLogger<>));
        services.AddSingleton(products);
        services.AddSesamTalk()
            .AddCustomSystem("Shop", configuration.GetSection("SesamTalk:Custom:Shop"))
            .AddEngine(configuration.GetSection("SesamTalk:Engine"))
            .UseSqliteLinkStore(linkStorePath)
            .AddBackgroundSync(configuration.GetSection("SesamTalk:Schedule"));
        return services;
    }
}
