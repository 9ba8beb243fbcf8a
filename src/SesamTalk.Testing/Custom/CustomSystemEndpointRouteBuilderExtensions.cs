using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using SesamTalk.Testing.Custom.Http;

namespace SesamTalk.Testing.Custom;

/// <summary>Mounts the custom-system contract (<c>docs/custom-system-contract.md</c>) in a host application.</summary>
public static class CustomSystemEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Exposes <paramref name="store"/> under <paramref name="prefix"/> (e.g. <c>/api/sesam</c>, which becomes the
    /// system's base URL) with the contract's endpoints, bearer-key authentication, problem+json errors and, when
    /// <see cref="CustomSystemOptions.Catalog"/> is set, catalog validation. The emulator serves the same endpoints.
    /// </summary>
    /// <param name="endpoints">The host's route builder, e.g. its <c>WebApplication</c>.</param>
    /// <param name="prefix">The route prefix of the system's base URL.</param>
    /// <param name="store">The host's records.</param>
    /// <param name="options">The API key, catalog and clock.</param>
    /// <returns>The route group, to add the host's own filters, authorization or rate limiting.</returns>
    public static RouteGroupBuilder MapCustomSystem(
        this IEndpointRouteBuilder endpoints, string prefix, ICustomRecordStore store, CustomSystemOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ApiKey);
        return CustomRoutes.Map(endpoints, prefix, store, options, controls: null);
    }
}
