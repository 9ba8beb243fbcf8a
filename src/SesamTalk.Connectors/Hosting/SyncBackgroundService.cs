using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Runs every enabled flow of the host's model on a schedule, each flow on its own (<see cref="SyncScheduler"/>): after
/// a clean cycle a flow waits the interval; after a failed one (a system down, throttled or refusing its grant) it
/// backs off alone, doubling its wait up to a maximum, so a broken system is not hammered and the healthy flows keep
/// their pace. Cycles resume at their checkpoints, so a stopped cycle loses nothing. A flow the mass-change breaker holds
/// has not failed: it keeps the interval, each of its runs writes nothing while the change passes the limit, and the run
/// after a person approves it (or fixes the source) syncs it, with no restart. Flows disabled in the engine's options
/// are left out (said once, at debug level). With change notifications on, the service also wakes for a notified flow:
/// it runs the flow's cycle once the coalescing window closed, and a flow whose every side notifies polls only at the
/// safety interval.
/// </summary>
/// <remarks>
/// The engine is resolved when the service starts, not when it is built: the generic host builds its hosted services
/// before it runs the start-up validation, and building the engine reads the systems' options, which would report only
/// the first system's missing settings instead of letting the validation list all of them.
/// </remarks>
internal sealed class SyncBackgroundService(
    IServiceProvider services,
    ISyncModel model,
    IOptions<SyncScheduleOptions> options,
    IOptions<SyncEngineOptions> engineOptions,
    IOptions<SyncNotificationOptions> notificationOptions,
    TimeProvider time,
    ILogger<SyncBackgroundService>? log = null) : BackgroundService
{
    private readonly ILogger logger = log ?? NullLogger<SyncBackgroundService>.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = options.Value;
        if (!schedule.Enabled)
        {
            HostingLog.ScheduleDisabled(logger);
            return;
        }

        var engine = services.GetRequiredService<ISyncEngine>();
        var notifications = services.GetRequiredService<SyncChangeNotifications>();
        var scheduler = new SyncScheduler(services, model, schedule, engineOptions.Value, notifications, notificationOptions.Value.SafetyPollInterval, time, logger);
        try
        {
            while (scheduler.NextWake is { } next && !stoppingToken.IsCancellationRequested)
            {
                if (next > time.GetUtcNow())
                {
                    HostingLog.NextRun(logger, next - time.GetUtcNow());
                    await notifications.WaitAsync(next, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                await scheduler.RunDueAsync(engine, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the running cycle stopped at its checkpoint.
        }
    }
}
