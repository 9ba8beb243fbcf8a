using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>Registers the Salesforce change event subscriber.</summary>
public static class SalesforceChangeEventsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SalesforceChangeEventSubscriber"/> (one per container) for the org that
    /// <see cref="SalesforceServiceCollectionExtensions.AddSalesforceConnector"/> configures.
    /// </summary>
    /// <param name="services">The service collection, with the Salesforce connector added.</param>
    public static IServiceCollection AddSalesforceChangeEvents(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SalesforceChangeEventSubscriber>();
        return services;
    }
}
