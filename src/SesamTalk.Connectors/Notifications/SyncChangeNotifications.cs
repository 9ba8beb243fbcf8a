using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Notifications;

/// <summary>
/// The engine's inbox (<see cref="ISyncChangeNotifications"/>): maps each notification to the enabled flows it concerns
/// (a remote target to every flow with that target, a host entity to every flow of the entity), gathers them per flow
/// (the first one opens a coalescing window, the ones after it join it, remote and host ids kept apart, deduplicated and bounded), and wakes the
/// background sync, which runs the flows whose window closed. It keeps whether each target's subscription is live: a flow
/// whose every side notifies polls only at the safety interval, and a lost subscription makes its flows due at once and
/// shows in health. While notifications are disabled it ignores everything.
/// </summary>
internal sealed class SyncChangeNotifications : ISyncChangeNotifications
{
    private readonly object _gate = new();
    private readonly Dictionary<SyncTarget, List<SyncFlowId>> _flowsByTarget = [];
    private readonly Dictionary<string, List<SyncFlowId>> _flowsByEntity = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _notifyingHosts;
    private readonly Dictionary<SyncFlowId, PendingFlow> _pending = [];
    private readonly Dictionary<SyncTarget, bool> _live = [];
    private readonly HashSet<SyncFlowId> _cycled = [];
    private readonly SyncNotificationOptions _options;
    private readonly TimeSpan _pollInterval;
    private readonly SyncHealthRegistry _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Counter<long> _received;
    private readonly Counter<long> _cycles;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the inbox for the enabled flows of <paramref name="model"/>.</summary>
    public SyncChangeNotifications(
        ISyncModel model,
        IOptions<SyncNotificationOptions> options,
        IOptions<SyncEngineOptions> engineOptions,
        IOptions<SyncScheduleOptions> schedule,
        IEnumerable<SyncNotifyingHost> notifyingHosts,
        SyncMetrics metrics,
        SyncHealthRegistry health,
        TimeProvider time,
        ILogger<SyncChangeNotifications>? logger = null)
    {
        _options = options.Value;
        _pollInterval = schedule.Value.Interval;
        _notifyingHosts = notifyingHosts.Select(host => host.Entity).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _health = health;
        _time = time;
        _logger = logger ?? NullLogger<SyncChangeNotifications>.Instance;
        _received = metrics.Meter.CreateCounter<long>("sesamtalk.notifications.received", "{notification}", "Change notifications received from a system or the host.");
        _cycles = metrics.Meter.CreateCounter<long>("sesamtalk.notifications.cycles", "{cycle}", "Cycles that change notifications triggered (a coalesced burst makes one).");
        foreach (var entity in model.Entities)
        {
            foreach (var target in entity.Mappers.Select(mapper => mapper.Target).Where(target => engineOptions.Value.ForFlow(entity.Name, target).Enabled))
            {
                var flow = new SyncFlowId(entity.Name, target);
                Add(_flowsByTarget, target, flow);
                Add(_flowsByEntity, entity.Name, flow);
            }
        }
    }

    /// <summary>Whether notifications are on (<see cref="SyncNotificationOptions.Enabled"/>).</summary>
    public bool Enabled => _options.Enabled;

    /// <inheritdoc />
    public void RemoteChanged(SyncTarget target, IReadOnlyCollection<string> remoteIds)
    {
        ArgumentNullException.ThrowIfNull(remoteIds);
        if (!Enabled)
        {
            return;
        }

        _received.Add(1, new("side", "remote"), new("system", target.System), new("type", target.Type));
        if (_flowsByTarget.TryGetValue(target, out var flows))
        {
            Pend(flows, SyncSide.Remote, remoteIds, atOnce: false);
        }
        else
        {
            NotificationLog.NoFlowForTarget(_logger, target.ToString());
        }
    }

    /// <inheritdoc />
    public void HostChanged(string entity, IReadOnlyCollection<string> hostIds)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        ArgumentNullException.ThrowIfNull(hostIds);
        if (!Enabled)
        {
            return;
        }

        _received.Add(1, new("side", "host"), new("entity", entity));
        if (_flowsByEntity.TryGetValue(entity, out var flows))
        {
            Pend(flows, SyncSide.Local, hostIds, atOnce: false);
        }
        else
        {
            NotificationLog.NoFlowForEntity(_logger, entity);
        }
    }

    /// <inheritdoc />
    public void SourceState(SyncTarget target, bool live, string? reason)
    {
        if (!Enabled)
        {
            return;
        }

        bool wasLive;
        List<SyncFlowId> catchUp = [];
        lock (_gate)
        {
            wasLive = _live.TryGetValue(target, out var was) && was;
            _live[target] = live;
            if (live && !wasLive && _flowsByTarget.TryGetValue(target, out var targetFlows))
            {
                // A subscription delivers only what changes after it opens: a cycle that began before that may have
                // missed an edit made in between, so the flow reads once more from its cursor. A flow with no cycle yet
                // needs nothing: its first cycle reads everything.
                catchUp = targetFlows.Where(_cycled.Contains).ToList();
            }
        }

        if (live)
        {
            _health.NotificationsLive(target);
            if (!wasLive)
            {
                foreach (var flow in catchUp)
                {
                    NotificationLog.CatchUp(_logger, flow.ToString(), target.ToString());
                }

                if (catchUp.Count > 0)
                {
                    Pend(catchUp, SyncSide.Remote, [], atOnce: false);
                }

                NotificationLog.SourceLive(_logger, target.ToString());
            }

            return;
        }

        var why = string.IsNullOrWhiteSpace(reason) ? "the subscription ended" : reason;
        _health.NotificationsLost(target, why, _pollInterval, _time.GetUtcNow());
        NotificationLog.SourceLost(_logger, target.ToString(), why, _pollInterval);
        if (wasLive && _flowsByTarget.TryGetValue(target, out var flows))
        {
            // Whatever changed while the subscription was going is read now, from the flows' cursors.
            Pend(flows, SyncSide.Remote, [], atOnce: true);
        }
    }

    /// <summary>
    /// Whether every side of <paramref name="flow"/> notifies: its target's subscription is live, and the host tells
    /// about its saves (<see cref="SyncNotificationOptions.HostNotifies"/>, or a host store that notifies by itself).
    /// </summary>
    public bool Notifies(SyncFlowId flow)
    {
        if (!Enabled || !(_options.HostNotifies || _notifyingHosts.Contains(flow.Entity)))
        {
            return false;
        }

        lock (_gate)
        {
            return _live.TryGetValue(flow.Target, out var live) && live;
        }
    }

    /// <summary>When the earliest notified flow is due (its coalescing window closes), or null when none is pending.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count == 0 ? null : _pending.Values.Min(pending => pending.DueAt(_options.CoalesceWindow));
            }
        }
    }

    /// <summary>Takes the notified flows due at <paramref name="now"/>: their batches end, and what comes after starts a new one.</summary>
    public IReadOnlyDictionary<SyncFlowId, PendingFlow> TakeDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            var due = _pending.Where(pending => pending.Value.DueAt(_options.CoalesceWindow) <= now).ToDictionary();
            foreach (var flow in due.Keys)
            {
                _pending.Remove(flow);
            }

            return due;
        }
    }

    /// <summary>
    /// Notes that the cycles of <paramref name="flows"/> begin now, in this process: a subscription of their target that
    /// goes live from now on runs them once more (<see cref="SourceState"/>), since it does not deliver what changed
    /// before it opened.
    /// </summary>
    public void CyclesBeginning(IEnumerable<SyncFlowId> flows)
    {
        lock (_gate)
        {
            _cycled.UnionWith(flows);
        }
    }

    /// <summary>Counts a cycle a notification triggered.</summary>
    public void CycleTriggered(SyncFlowId flow) =>
        _cycles.Add(1, new("entity", flow.Entity), new("system", flow.Target.System), new("type", flow.Target.Type));

    /// <summary>
    /// Waits until <paramref name="until"/>, or less when a notification opens a new batch or a subscription is lost
    /// (the caller then looks again at what is due next).
    /// </summary>
    public async Task WaitAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            changed = _changed.Task;

            // A notification that came after the caller worked out `until` has already signalled: look again now.
            if (NextDue < until)
            {
                return;
            }
        }

        var wait = until - _time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        // Timers count whole milliseconds: a shorter wait would end at once, and the caller would spin until `until`.
        wait = TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, _time, stop.Token);
        if (await Task.WhenAny(delay, changed).ConfigureAwait(false) == delay)
        {
            await delay.ConfigureAwait(false);
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Pend(List<SyncFlowId> flows, SyncSide side, IReadOnlyCollection<string> ids, bool atOnce)
    {
        var now = _time.GetUtcNow();
        var wake = atOnce;
        lock (_gate)
        {
            foreach (var flow in flows)
            {
                if (!_pending.TryGetValue(flow, out var pending))
                {
                    _pending[flow] = pending = new PendingFlow(now);
                    wake = true;
                }

                pending.Add(side, ids);
                pending.AtOnce |= atOnce;
            }

            if (wake)
            {
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<SyncFlowId>> index, TKey key, SyncFlowId flow)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var flows))
        {
            index[key] = flows = [];
        }

        flows.Add(flow);
    }
}
