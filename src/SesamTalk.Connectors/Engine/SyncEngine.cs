using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The sync engine behind the generated <c>TalkClient</c>: runs one cycle per flow of an entity (one flow per
/// <c>[SyncsWith]</c>), each with the entity's host store, the system's connector and the shared link store.
/// </summary>
public sealed partial class SyncEngine : ISyncEngine
{
    private readonly IServiceProvider _services;
    private readonly IReadOnlyList<ISyncConnector> _connectors;
    private readonly FlowContext _context;

    /// <summary>Creates the engine (DI does this: see <see cref="Microsoft.Extensions.DependencyInjection.SesamTalkEngineBuilderExtensions"/>).</summary>
    /// <param name="services">Resolves each entity's <see cref="IHostStore{TEntity}"/>.</param>
    /// <param name="model">The generated model.</param>
    /// <param name="links">The link store.</param>
    /// <param name="connectors">One connector per remote system.</param>
    /// <param name="options">The engine's options.</param>
    /// <param name="metrics">The engine's instruments.</param>
    /// <param name="health">Where each system's last outcome is kept for the health checks.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The engine's log, or null when the host registered no logging.</param>
    public SyncEngine(
        IServiceProvider services,
        ISyncModel model,
        ILinkStore links,
        IEnumerable<ISyncConnector> connectors,
        IOptions<SyncEngineOptions> options,
        SyncMetrics metrics,
        SyncHealthRegistry health,
        TimeProvider time,
        ILogger<SyncEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _connectors = connectors?.ToList() ?? throw new ArgumentNullException(nameof(connectors));
        _context = new FlowContext(links, model, options.Value, metrics, health, logger ?? NullLogger<SyncEngine>.Instance, time);
    }

    /// <inheritdoc />
    public async Task<SyncReport> SyncAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var reports = new List<SyncFlowReport>();
        if (SyncsInsideParent(entity))
        {
            return new SyncReport(reports);
        }

        foreach (var mapper in entity.Mappers)
        {
            reports.Add(await RunAndRecordAsync(Cycle(entity, mapper.Target, progress, plan: null, cancellationToken)).ConfigureAwait(false));
        }

        return new SyncReport(reports);
    }

    /// <inheritdoc />
    public async Task<SyncPlan> PlanAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var flows = new List<SyncFlowPlan>();
        if (SyncsInsideParent(entity))
        {
            return new SyncPlan(flows);
        }

        foreach (var mapper in entity.Mappers)
        {
            flows.Add(await PlanFlowAsync(entity, mapper.Target, cancellationToken).ConfigureAwait(false));
        }

        return new SyncPlan(flows);
    }

    /// <inheritdoc />
    public async Task<SyncReport> SyncFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var report = await RunAndRecordAsync(Cycle(entity, target, progress, plan: null, cancellationToken)).ConfigureAwait(false);
        return new SyncReport([report]);
    }

    /// <summary>
    /// Runs one cycle of the flow that reads the records its change notifications named by id, or its normal cycle when
    /// reading by id cannot be trusted (<c>FlowCycle.Targeted.cs</c>). The background sync calls it for a notified flow.
    /// </summary>
    internal async Task<SyncReport> SyncNotifiedFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, NotifiedRecords notified, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var cycle = Cycle(entity, target, progress, plan: null, cancellationToken);
        cycle.Notified = notified;
        return new SyncReport([await RunAndRecordAsync(cycle).ConfigureAwait(false)]);
    }

    /// <inheritdoc />
    public Task<SyncLink> LinkAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, SyncTarget target, string remoteId, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        return _context.Links.RelinkByHandAsync(Flow(entity, target), id, remoteId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> UnlinkAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, SyncTarget target, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        return _context.Links.UnlinkAsync(Flow(entity, target), id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncConflict>> GetConflictsAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string? id, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var conflicts = new List<SyncConflict>();
        foreach (var mapper in entity.Mappers)
        {
            foreach (var conflict in await _context.Links.GetConflictsAsync(Flow(entity, mapper.Target), id, cancellationToken).ConfigureAwait(false))
            {
                conflicts.Add(new SyncConflict(entity.Name, mapper.Target, conflict.LocalId, conflict.RemoteId, conflict.Field, conflict.LocalValue, conflict.RemoteValue, conflict.Rule, conflict.Winner, conflict.At));
            }
        }

        return conflicts;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncQuarantineEntry>> GetQuarantineAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var entries = new List<SyncQuarantineEntry>();
        foreach (var mapper in entity.Mappers)
        {
            foreach (var entry in await _context.Links.ListQuarantinedAsync(Flow(entity, mapper.Target), cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new SyncQuarantineEntry(entity.Name, mapper.Target, entry.Side, entry.RecordId, entry.Error, entry.Payload, entry.At, entry.Attempts, entry.IsReleased));
            }
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<int> ReleaseQuarantineAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var released = 0;
        foreach (var mapper in entity.Mappers)
        {
            var flow = Flow(entity, mapper.Target);
            foreach (var entry in await _context.Links.ListQuarantinedAsync(flow, cancellationToken).ConfigureAwait(false))
            {
                if (!entry.IsReleased && await _context.Links.ReleaseQuarantinedAsync(flow, entry.Side, entry.RecordId, cancellationToken).ConfigureAwait(false))
                {
                    released++;
                }
            }
        }

        return released;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncLink>> GetLinksAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        return _context.Links.GetLinksAsync(entity.Name, id, cancellationToken);
    }

    private static SyncFlowId Flow(ISyncEntityDefinition entity, SyncTarget target) =>
        entity.Mappers.Any(mapper => mapper.Target == target)
            ? new SyncFlowId(entity.Name, target)
            : throw new ArgumentException($"{entity.Name} does not sync with {target}.", nameof(target));

    /// <summary>
    /// An entity that is only ever a child of another (order lines) and has no host store of its own syncs inside its
    /// parent's records; it has no flows of its own to run.
    /// </summary>
    private bool SyncsInsideParent<TEntity>(ISyncEntityDefinition<TEntity> entity)
        where TEntity : class =>
        _services.GetService<IHostStore<TEntity>>() is null && ChildEntities.IsChild(_context.Model, entity);

    /// <summary>The dry run of one flow: what its cycle would write, and whether and why it would stop.</summary>
    private async Task<SyncFlowPlan> PlanFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, CancellationToken cancellationToken)
        where TEntity : class
    {
        var changes = new List<SyncPlannedChange>();
        var report = await Cycle(entity, target, progress: null, changes, cancellationToken).RunAsync().ConfigureAwait(false);
        return new SyncFlowPlan(entity.Name, target, changes, report.StopReason, report.Failed);
    }

    private FlowCycle<TEntity> Cycle<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, IProgress<SyncProgress>? progress, List<SyncPlannedChange>? plan, CancellationToken cancellationToken)
        where TEntity : class
    {
        var connector = _connectors.FirstOrDefault(candidate => string.Equals(candidate.System, target.System, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"{entity.Name} syncs with {target}, but no system named {target.System} is registered. Add it on services.AddSesamTalk(), e.g. AddSalesforce(section, \"{target.System}\") or AddCustomSystem(\"{target.System}\", section).");
        var host = _services.GetService<IHostStore<TEntity>>()
            ?? throw new InvalidOperationException($"No IHostStore<{entity.EntityType.Name}> is registered: the engine reads and writes the host's {entity.Name} records through it.");
        return new FlowCycle<TEntity>(
            _context,
            entity,
            entity.GetMapper(target),
            connector,
            host,
            _services.GetService<IHostSoftDelete<TEntity>>(),
            progress,
            plan,
            cancellationToken);
    }
}
