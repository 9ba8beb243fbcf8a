using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// When each flow of the background sync runs next. After a clean run a flow waits its polling interval: the schedule's
/// interval, or the safety interval while every side of the flow notifies its changes. Every flow keeps its own count
/// of failed runs in a row: a flow that failed waits the interval doubled for each of them, up to the maximum backoff,
/// while the other flows keep theirs; a clean run resets its count.
/// </summary>
internal sealed class FlowSchedule
{
    /// <summary>The shortest wait after a flow stopped at a limit, so a reset time already past cannot make it run in a tight loop.</summary>
    internal static readonly TimeSpan MinLimitWait = TimeSpan.FromSeconds(1);

    private readonly SyncScheduleOptions _schedule;
    private readonly Func<SyncFlowId, TimeSpan> _pollInterval;
    private readonly Dictionary<SyncFlowId, (DateTimeOffset Due, int Failures, DateTimeOffset? StoppedAtLimit)> _flows;

    /// <summary>Schedules <paramref name="flows"/>, each first due at <paramref name="firstRun"/>, polled every <see cref="SyncScheduleOptions.Interval"/>.</summary>
    public FlowSchedule(SyncScheduleOptions schedule, IEnumerable<SyncFlowId> flows, DateTimeOffset firstRun)
        : this(schedule, flows, firstRun, _ => schedule.Interval)
    {
    }

    /// <summary>Schedules <paramref name="flows"/>, each first due at <paramref name="firstRun"/> and polled at the interval <paramref name="pollInterval"/> gives it when it ran.</summary>
    public FlowSchedule(SyncScheduleOptions schedule, IEnumerable<SyncFlowId> flows, DateTimeOffset firstRun, Func<SyncFlowId, TimeSpan> pollInterval)
    {
        _schedule = schedule;
        _pollInterval = pollInterval;
        _flows = flows.ToDictionary(flow => flow, _ => (firstRun, 0, (DateTimeOffset?)null));
    }

    /// <summary>Whether <paramref name="flow"/> is scheduled (an enabled flow of the model).</summary>
    public bool Contains(SyncFlowId flow) => _flows.ContainsKey(flow);

    /// <summary>The interval <paramref name="flow"/> polls at now, after a clean run.</summary>
    public TimeSpan PollInterval(SyncFlowId flow) => _pollInterval(flow);

    /// <summary>When the next flow is due, or null when no flow is scheduled.</summary>
    public DateTimeOffset? NextDue => _flows.Count == 0 ? null : _flows.Values.Min(flow => flow.Due);

    /// <summary>The scheduled flows that are due at <paramref name="now"/>.</summary>
    public IReadOnlySet<SyncFlowId> DueAt(DateTimeOffset now) =>
        _flows.Where(flow => flow.Value.Due <= now).Select(flow => flow.Key).ToHashSet();

    /// <summary>Notes that <paramref name="flow"/> ran and ended at <paramref name="end"/>; returns the wait before its next run.</summary>
    public TimeSpan Ran(SyncFlowId flow, bool failed, DateTimeOffset end)
    {
        var failures = failed ? _flows[flow].Failures + 1 : 0;
        var wait = failures == 0 ? _pollInterval(flow) : NextWait(_schedule, failures);
        _flows[flow] = (end + wait, failures, null);
        return wait;
    }

    /// <summary>
    /// Notes that <paramref name="flow"/> stopped at its system's limit at <paramref name="end"/> and is due again at
    /// <paramref name="retryAt"/> (at least <see cref="MinLimitWait"/> later); its count of failed runs stays as it was,
    /// since a limit is not a broken system. Returns the wait.
    /// </summary>
    public TimeSpan StoppedAtLimit(SyncFlowId flow, DateTimeOffset retryAt, DateTimeOffset end)
    {
        var wait = retryAt - end < MinLimitWait ? MinLimitWait : retryAt - end;
        _flows[flow] = (end + wait, _flows[flow].Failures, end);
        return wait;
    }

    /// <summary>
    /// When <paramref name="flow"/>'s last run stopped at its system's limit, or null when it did not: due again before
    /// its interval is up, its own lease is recent, so only a lease taken after this stop means another instance ran it.
    /// </summary>
    public DateTimeOffset? StoppedAtLimitAt(SyncFlowId flow) => _flows[flow].StoppedAtLimit;

    /// <summary>The failed runs in a row of <paramref name="flow"/>.</summary>
    public int Failures(SyncFlowId flow) => _flows[flow].Failures;

    /// <summary>The wait before a flow's next run: the interval, doubled for each failed run in a row, at most the maximum backoff.</summary>
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
}
