using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a health check per remote system: <c>services.AddHealthChecks().AddSesamTalk()</c>.</summary>
public static class SesamTalkHealthChecksBuilderExtensions
{
    /// <summary>The tag every SesamTalk health check carries.</summary>
    public const string Tag = "sesamtalk";

    /// <summary>
    /// Adds a check named <c>sesamtalk-{system}</c> for each system registered through the fluent builder (or for
    /// <paramref name="systems"/> when given).
    /// </summary>
    /// <param name="checks">The health checks builder.</param>
    /// <param name="systems">The systems; empty for every system the builder registered.</param>
    public static IHealthChecksBuilder AddSesamTalk(this IHealthChecksBuilder checks, params string[] systems)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var names = systems.Length > 0
            ? systems
            : checks.Services.Select(descriptor => descriptor.ImplementationInstance).OfType<SesamTalkSystem>().Select(system => system.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        checks.Services.TryAddSingleton<SyncHealthRegistry>();
        foreach (var system in names)
        {
            checks.Add(new HealthCheckRegistration(
                "sesamtalk-" + system.ToLowerInvariant(),
                provider => new SyncSystemHealthCheck(system, provider.GetRequiredService<SyncHealthRegistry>(), provider.GetService<ILinkStore>()),
                failureStatus: null,
                tags: [Tag]));
        }

        return checks;
    }
}
