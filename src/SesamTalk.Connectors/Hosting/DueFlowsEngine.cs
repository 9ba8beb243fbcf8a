using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// The engine as the background sync hands it to an entity (<see cref="ISyncEntityDefinition.SyncAsync"/>): syncing
/// the entity runs only those of its flows that are due, so each flow keeps its own schedule, and of those only the ones
/// no other instance ran within the interval (<see cref="SharedFlowRuns"/>). A flow whose notifications named its records
/// runs a cycle that reads them by id (<see cref="SyncEngine.SyncNotifiedFlowAsync"/>) when the engine is SesamTalk's own
/// (an engine wrapped by the host runs its normal cycle), and runs it even when a cycle of the flow began after the
/// notification came: that cycle may have read only the records it was notified of. Everything else passes through to
/// the engine.
/// </summary>
/// <param name="engine">The engine.</param>
/// <param name="services">Resolves the entities' host stores.</param>
/// <param name="due">The due flows, each with when a notification made it due, or when it stopped at its system's limit (null for a polled one).</param>
/// <param name="targeted">The due flows whose cycle reads the notified records by id.</param>
/// <param name="shared">Which flows other instances ran.</param>
/// <param name="beginning">Told of the flows whose cycles begin, right before they do.</param>
internal sealed class DueFlowsEngine(
    ISyncEngine engine,
    IServiceProvider services,
    IReadOnlyDictionary<SyncFlowId, DateTimeOffset?> due,
    IReadOnlyDictionary<SyncFlowId, NotifiedRecords> targeted,
    SharedFlowRuns shared,
    Action<IEnumerable<SyncFlowId>> beginning) : DelegatingSyncEngine(engine)
{
    /// <summary>
    /// Runs the entity's due flows one by one, each unless another instance ran it lately. An entity without a host store
    /// of its own goes to the engine whole: the engine knows whether it syncs inside its parent's records (order lines) or
    /// lacks its store.
    /// </summary>
    public override async Task<SyncReport> SyncAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (services.GetService<IHostStore<TEntity>>() is null)
        {
            beginning(entity.Mappers.Select(mapper => new SyncFlowId(entity.Name, mapper.Target)).Where(due.ContainsKey));
            return await Inner.SyncAsync(entity, progress, cancellationToken).ConfigureAwait(false);
        }

        var reports = new List<SyncFlowReport>();
        foreach (var target in entity.Mappers.Select(mapper => mapper.Target))
        {
            var flow = new SyncFlowId(entity.Name, target);
            var notified = Inner is SyncEngine ? targeted.GetValueOrDefault(flow) : null;
            if (!due.TryGetValue(flow, out var notifiedAt) || (notified is null && await shared.RanElsewhereAsync(flow, notifiedAt, cancellationToken).ConfigureAwait(false)))
            {
                continue;
            }

            beginning([flow]);
            var report = notified is not null && Inner is SyncEngine own
                ? await own.SyncNotifiedFlowAsync(entity, target, notified, progress, cancellationToken).ConfigureAwait(false)
                : await Inner.SyncFlowAsync(entity, target, progress, cancellationToken).ConfigureAwait(false);
            reports.AddRange(report.Flows);
        }

        return new SyncReport(reports);
    }
}
