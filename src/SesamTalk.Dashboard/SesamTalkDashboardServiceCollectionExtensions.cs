using SesamTalk.Dashboard;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the dashboard needs in the host app's container.</summary>
public static class SesamTalkDashboardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dashboard's services: antiforgery (every form of the dashboard carries a token). Call it before <c>builder.Build()</c>, then map the pages with
    /// <see cref="SesamTalkDashboardEndpointRouteBuilderExtensions.MapSesamTalkDashboard"/>.
    /// </summary>
    /// <param name="services">The host app's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddSesamTalkDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAntiforgery();
        return services;
    }
}
