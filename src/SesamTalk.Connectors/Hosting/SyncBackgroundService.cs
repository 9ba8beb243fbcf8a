using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Runs every enabled flow of the host's model on a schedule, each flow on its own (<see cref="FlowSchedule"/>): after
/// a clean cycle a flow waits the interval; after a failed one (a system down, throttled or refusing its grant) it
/// backs off alone, doubling its wait up to a maximum, so a broken system is not hammered and the healthy flows keep
/// their pace. Cycles resume at their checkpoints, so a stopped cycle loses nothing. A flow the mass-change breaker holds
/// has not failed: it keeps the interval, each of its runs writes nothing while the change passes the limit, and the run
/// after a person approves it (or fixes the source) syncs it, with no restart. Flows disabled in the engine's options
/// are left out (said once, at debug level).
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
        var flows = new FlowSchedule(schedule, EnabledFlows(), time.GetUtcNow() + schedule.InitialDelay);
        try
        {
            while (flows.NextDue is { } next && !stoppingToken.IsCancellationRequested)
            {
                var wait = TimeSpan.FromTicks(Math.Max(0, (next - time.GetUtcNow()).Ticks));
                HostingLog.NextRun(logger, wait);
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                await RunDueFlowsAsync(engine, flows, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the running cycle stopped at its checkpoint.
        }
    }

    /// <summary>Every flow of the model that its options leave enabled; each disabled flow is logged once.</summary>
    private List<SyncFlowId> EnabledFlows()
    {
        var enabled = new List<SyncFlowId>();
        foreach (var flow in model.Entities.SelectMany(entity => entity.Mappers.Select(mapper => new SyncFlowId(entity.Name, mapper.Target))))
        {
            if (engineOptions.Value.ForFlow(flow.Entity, flow.Target).Enabled)
            {
                enabled.Add(flow);
            }
            else
            {
                HostingLog.FlowDisabled(logger, flow.ToString());
            }
        }

        return enabled;
    }

    /// <summary>
    /// Runs the due flows, entity by entity, referenced entities first. A flow whose cycle failed, or whose entity threw,
    /// backs off; the others still run. A flow another instance ran within the interval is left to it and is due an
    /// interval after that run (<see cref="SharedFlowRuns"/>).
    /// </summary>
    private async Task RunDueFlowsAsync(ISyncEngine engine, FlowSchedule flows, CancellationToken stoppingToken)
    {
        var due = flows.DueAt(time.GetUtcNow());
        var shared = new SharedFlowRuns(services.GetRequiredService<ILinkStore>(), options.Value.Interval, time);
        var dueEngine = new DueFlowsEngine(engine, services, due, shared);
        var failed = new HashSet<SyncFlowId>();
        var held = 0;
        foreach (var entity in model.Entities)
        {
            var entityFlows = entity.Mappers.Select(mapper => new SyncFlowId(entity.Name, mapper.Target)).Where(due.Contains).ToList();
            if (entityFlows.Count == 0)
            {
                continue;
            }

            try
            {
                var report = await entity.SyncAsync(dueEngine, progress: null, stoppingToken).ConfigureAwait(false);
                failed.UnionWith(report.Flows.Where(flow => flow.Failed).Select(flow => new SyncFlowId(flow.Entity, flow.Target)));
                held += report.Flows.Count(flow => flow.Held);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                HostingLog.EntityFailed(logger, entity.Name, error);
                failed.UnionWith(entityFlows);
            }
        }

        var end = time.GetUtcNow();
        foreach (var flow in due)
        {
            if (shared.RanElsewhere.TryGetValue(flow, out var takenAt))
            {
                var dueIn = takenAt + flows.Ran(flow, failed: false, takenAt) - end;
                HostingLog.FlowRanElsewhere(logger, flow.ToString(), takenAt, dueIn);
                continue;
            }

            var wait = flows.Ran(flow, failed.Contains(flow), end);
            if (failed.Contains(flow))
            {
                HostingLog.FlowBacksOff(logger, flow.ToString(), flows.Failures(flow), wait);
            }
        }

        HostingLog.RunDone(logger, due.Count - shared.RanElsewhere.Count, failed.Count, held, shared.RanElsewhere.Count);
    }
}
