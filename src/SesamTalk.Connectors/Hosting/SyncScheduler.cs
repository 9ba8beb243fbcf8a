using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// What the background sync runs when: every enabled flow on its own schedule (<see cref="FlowSchedule"/>), polled at
/// the schedule's interval, or at the safety interval while every side of the flow notifies; and every flow whose
/// notifications' coalescing window closed (<see cref="SyncChangeNotifications"/>), through the same due-flows path as a
/// polled run, so leases, shared runs and back-off apply alike. <see cref="SyncBackgroundService"/> waits for
/// <see cref="NextWake"/> and calls <see cref="RunDueAsync"/>; the idle-hour figures drive it on a simulated clock.
/// </summary>
internal sealed class SyncScheduler
{
    /// <summary>
    /// The longest a connector may wait for a rate limit inside a run (<see cref="RateLimitPatience"/>): a longer wait
    /// stops the flow's cycle, which runs again at the reset, so it does not hold the flows due after it.
    /// </summary>
    internal static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromSeconds(2);

    private readonly IServiceProvider _services;
    private readonly ISyncModel _model;
    private readonly SyncChangeNotifications _notifications;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FlowSchedule _flows;

    /// <summary>Schedules the model's enabled flows, first due after the schedule's initial delay; each disabled flow is logged once.</summary>
    public SyncScheduler(IServiceProvider services, ISyncModel model, SyncScheduleOptions schedule, SyncEngineOptions engineOptions, SyncChangeNotifications notifications, TimeSpan safetyPollInterval, TimeProvider time, ILogger logger)
    {
        _services = services;
        _model = model;
        _notifications = notifications;
        _time = time;
        _logger = logger;
        _flows = new FlowSchedule(
            schedule,
            EnabledFlows(engineOptions),
            time.GetUtcNow() + schedule.InitialDelay,
            flow => notifications.Notifies(flow) ? safetyPollInterval : schedule.Interval);
    }

    /// <summary>When a flow is due next, by its schedule or by a notification; null when no flow is enabled.</summary>
    public DateTimeOffset? NextWake => _flows.NextDue is { } polled && _notifications.NextDue is { } notified && notified < polled ? notified : _flows.NextDue;

    /// <summary>
    /// Runs the due flows, entity by entity, referenced entities first. A flow whose cycle failed, or whose entity threw,
    /// backs off; the others still run. A flow another instance ran within the interval (or, when notified, since the
    /// notification) is left to it and is due an interval after that run (<see cref="SharedFlowRuns"/>).
    /// </summary>
    public async Task RunDueAsync(ISyncEngine engine, CancellationToken stoppingToken)
    {
        using var patience = RateLimitPatience.Allow(MaxRateLimitWait);
        var now = _time.GetUtcNow();
        var due = _flows.DueAt(now).ToDictionary(flow => flow, _flows.StoppedAtLimitAt);
        var notified = _notifications.TakeDue(now).Where(pending => _flows.Contains(pending.Key)).ToDictionary();
        var targeted = new Dictionary<SyncFlowId, NotifiedRecords>();
        foreach (var (flow, pending) in notified)
        {
            var polled = due.ContainsKey(flow);
            due[flow] = pending.Since;
            NotificationLog.NotifiedRun(_logger, flow.ToString(), pending.Notifications, Records(pending));
            if (Targeted(flow, pending, polled) is { } records)
            {
                targeted[flow] = records;
            }
        }

        var shared = new SharedFlowRuns(_services.GetRequiredService<ILinkStore>(), _flows.PollInterval, _time);
        var dueEngine = new DueFlowsEngine(engine, _services, due, targeted, shared, _notifications.CyclesBeginning);
        var failed = new HashSet<SyncFlowId>();
        var retryAt = new Dictionary<SyncFlowId, DateTimeOffset>();
        var held = 0;
        foreach (var entity in _model.Entities)
        {
            var entityFlows = entity.Mappers.Select(mapper => new SyncFlowId(entity.Name, mapper.Target)).Where(due.ContainsKey).ToList();
            if (entityFlows.Count == 0)
            {
                continue;
            }

            try
            {
                var report = await entity.SyncAsync(dueEngine, progress: null, stoppingToken).ConfigureAwait(false);
                failed.UnionWith(report.Flows.Where(flow => flow.Failed).Select(flow => new SyncFlowId(flow.Entity, flow.Target)));
                foreach (var limited in report.Flows.Where(flow => flow.Failed && flow.RetryAt is not null))
                {
                    retryAt[new SyncFlowId(limited.Entity, limited.Target)] = limited.RetryAt!.Value;
                }
                held += report.Flows.Count(flow => flow.Held);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                HostingLog.EntityFailed(_logger, entity.Name, error);
                failed.UnionWith(entityFlows);
            }
        }

        var end = _time.GetUtcNow();
        foreach (var flow in due.Keys)
        {
            if (shared.RanElsewhere.TryGetValue(flow, out var takenAt))
            {
                var dueIn = takenAt + _flows.Ran(flow, failed: false, takenAt) - end;
                HostingLog.FlowRanElsewhere(_logger, flow.ToString(), takenAt, dueIn);
                continue;
            }

            if (notified.ContainsKey(flow))
            {
                _notifications.CycleTriggered(flow);
            }

            if (retryAt.TryGetValue(flow, out var resets))
            {
                HostingLog.FlowWaitsForLimit(_logger, flow.ToString(), _flows.StoppedAtLimit(flow, resets, end));
                continue;
            }

            var wait = _flows.Ran(flow, failed.Contains(flow), end);
            if (failed.Contains(flow))
            {
                HostingLog.FlowBacksOff(_logger, flow.ToString(), _flows.Failures(flow), wait);
            }
        }

        HostingLog.RunDone(_logger, due.Count - shared.RanElsewhere.Count, failed.Count, held, shared.RanElsewhere.Count);
    }

    /// <summary>Every flow of the model that its options leave enabled; each disabled flow is logged once.</summary>
    private List<SyncFlowId> EnabledFlows(SyncEngineOptions engineOptions)
    {
        var enabled = new List<SyncFlowId>();
        foreach (var flow in _model.Entities.SelectMany(entity => entity.Mappers.Select(mapper => new SyncFlowId(entity.Name, mapper.Target))))
        {
            if (engineOptions.ForFlow(flow.Entity, flow.Target).Enabled)
            {
                enabled.Add(flow);
            }
            else
            {
                HostingLog.FlowDisabled(_logger, flow.ToString());
            }
        }

        return enabled;
    }

    /// <summary>The notified records the flow's cycle reads by id; null, logged with the reason, when it runs its normal cycle.</summary>
    private NotifiedRecords? Targeted(SyncFlowId flow, PendingFlow pending, bool polled)
    {
        var records = pending.Targeted(out var why);
        if (records is not null && polled)
        {
            (records, why) = (null, "the flow is due by its poll schedule as well");
        }

        if (records is null)
        {
            NotificationLog.NormalCycle(_logger, flow.ToString(), why);
        }

        return records;
    }

    private static string Records(PendingFlow pending)
    {
        var ids = pending.RemoteIds.Concat(pending.HostIds).ToList();
        return pending.Overflowed ? $"more than {PendingFlow.MaxIds} records"
            : ids.Count == 0 ? "changes without ids"
            : ids.Count + " records (" + string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? ", …)" : ")");
    }
}
