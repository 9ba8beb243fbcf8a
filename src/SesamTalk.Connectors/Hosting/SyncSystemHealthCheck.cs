using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// The health of one remote system as the sync sees it: healthy while its flows run to the end, degraded while they
/// stop (down, throttled, out of quota), unhealthy when it refused the stored grant and needs re-authorisation.
/// </summary>
internal sealed class SyncSystemHealthCheck(string system, SyncHealthRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = registry.Get(system);
        var data = new Dictionary<string, object> { ["system"] = system };
        if (status is not null)
        {
            data["lastCycle"] = status.At;
        }

        return Task.FromResult(status switch
        {
            null => HealthCheckResult.Healthy($"{system}: no flow has run yet.", data),
            { Succeeded: true } => HealthCheckResult.Healthy($"{system}: the last flow ran to the end.", data),
            { NeedsReauthorization: true } => HealthCheckResult.Unhealthy($"{system} needs re-authorisation: it refused the stored grant ({status.Error}). Authorise the app again and store the new token.", data: data),
            _ => HealthCheckResult.Degraded($"{system}: the last flow stopped early: {status.Error}", data: data),
        });
    }
}
