using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// The health of one remote system as the sync sees it: healthy while its flows run to the end, degraded while they
/// stop (down, throttled, out of quota), while the mass-change breaker holds one of its flows or while its change
/// notifications are lost (its flows poll at the normal interval meanwhile), unhealthy when it
/// refused the stored grant and needs re-authorisation. Held flows are read from the link store, so a hold made by
/// another process or before a restart counts, and an approval shows at once.
/// </summary>
internal sealed class SyncSystemHealthCheck(string system, SyncHealthRegistry registry, ILinkStore? links) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = registry.Get(system);
        var data = new Dictionary<string, object> { ["system"] = system };
        if (status is not null)
        {
            data["lastCycle"] = status.At;
        }

        var held = links is null
            ? []
            : (await links.ListHeldFlowsAsync(cancellationToken).ConfigureAwait(false))
                .Where(hold => string.Equals(hold.Flow.Target.System, system, StringComparison.OrdinalIgnoreCase))
                .ToList();
        if (held.Count > 0)
        {
            data["heldFlows"] = held.Select(hold => hold.Flow.ToString()).ToArray();
        }

        var lost = registry.NotificationsLost(system);
        if (lost.Count > 0)
        {
            data["notificationsLost"] = lost.Select(loss => loss.Target.ToString()).ToArray();
        }

        return status switch
        {
            { NeedsReauthorization: true } => HealthCheckResult.Unhealthy($"{system} needs re-authorisation: it refused the stored grant ({status.Error}). Authorise the app again and store the new token.", data: data),
            _ when held.Count > 0 || lost.Count > 0 => HealthCheckResult.Degraded(
                $"{system}: " + string.Join(" ", held.Select(Describe).Concat(lost.Select(Describe))) + (status is { Succeeded: false } ? $" The last flow stopped early: {status.Error}" : ""),
                data: data),
            null => HealthCheckResult.Healthy($"{system}: no flow has run yet.", data),
            { Succeeded: true } => HealthCheckResult.Healthy($"{system}: the last flow ran to the end.", data),
            _ => HealthCheckResult.Degraded($"{system}: the last flow stopped early: {status.Error}", data: data),
        };
    }

    private static string Describe(SyncNotificationLoss loss) =>
        string.Create(CultureInfo.InvariantCulture, $"notifications lost for {loss.Target}: {loss.Reason}; polling every {Every(loss.PollingInterval)} (since {loss.Since:u}).");

    /// <summary>An interval as people say it: <c>5 min</c>, <c>1 h</c>, <c>30 s</c>.</summary>
    private static string Every(TimeSpan interval) =>
        interval.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{interval.TotalHours:0} h")
        : interval.Ticks % TimeSpan.TicksPerMinute == 0 ? string.Create(CultureInfo.InvariantCulture, $"{interval.TotalMinutes:0} min")
        : interval.Ticks % TimeSpan.TicksPerSecond == 0 ? string.Create(CultureInfo.InvariantCulture, $"{interval.TotalSeconds:0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{interval.TotalMilliseconds:0} ms");

    private static string Describe(HeldFlow hold)
    {
        var next = hold.IsApproved
            ? string.Create(CultureInfo.InvariantCulture, $"{hold.ApprovedBy} approved the change at {hold.ApprovedAt:u}, so its next cycle passes the breaker once.")
            : $"approve it once with ApproveHeldFlowAsync on the {hold.Flow.Entity} client (GetHeldFlowsAsync shows what it would write), or fix the source.";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{hold.Flow} is held by the mass-change breaker since {hold.Since:u}: a cycle would delete or overwrite {hold.Changes} of {hold.Links} linked records (limit {hold.Limit}); {next}");
    }
}
