using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Runs every flow of the host's model on a schedule: after a clean run it waits the interval; after a run with a
/// failed flow (a system down, throttled or refusing its grant) it backs off, doubling the wait up to a maximum, so a
/// broken system is not hammered. Cycles resume at their checkpoints, so a stopped run loses nothing.
/// </summary>
internal sealed class SyncBackgroundService(
    ISyncEngine engine,
    ISyncModel model,
    IOptions<SyncScheduleOptions> options,
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

        var failures = 0;
        var wait = schedule.InitialDelay;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                var failed = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                failures = failed ? failures + 1 : 0;
                wait = NextWait(schedule, failures);
                HostingLog.NextRun(logger, wait, failures);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the running cycle stopped at its checkpoint.
        }
    }

    /// <summary>The wait before the next run: the interval, doubled for each failed run in a row, at most the maximum backoff.</summary>
    internal static TimeSpan NextWait(SyncScheduleOptions schedule, int failures)
    {
        if (failures == 0)
        {
            return schedule.Interval;
        }

        var factor = Math.Pow(2, Math.Min(failures, 30));
        var backoff = TimeSpan.FromTicks((long)Math.Min(schedule.Interval.Ticks * factor, schedule.MaxBackoff.Ticks));
        return backoff < schedule.Interval ? schedule.Interval : backoff;
    }

    /// <summary>Runs every entity, referenced entities first; an entity that fails is logged and the others still run.</summary>
    private async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        var flows = 0;
        var failed = 0;
        foreach (var entity in model.Entities)
        {
            try
            {
                var report = await entity.SyncAsync(engine, progress: null, stoppingToken).ConfigureAwait(false);
                flows += report.Flows.Count;
                failed += report.Flows.Count(flow => flow.Failed);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                HostingLog.EntityFailed(logger, entity.Name, error);
                failed++;
            }
        }

        HostingLog.RunDone(logger, flows, failed);
        return failed > 0;
    }
}
