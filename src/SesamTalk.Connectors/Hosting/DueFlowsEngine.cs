using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// The engine as the background sync hands it to an entity (<see cref="ISyncEntityDefinition.SyncAsync"/>): syncing
/// the entity runs only those of its flows that are due, so each flow keeps its own schedule. Everything else passes
/// through to the engine.
/// </summary>
internal sealed class DueFlowsEngine(ISyncEngine engine, IServiceProvider services, IReadOnlySet<SyncFlowId> due) : ISyncEngine
{
    /// <summary>
    /// Runs the entity's due flows one by one. An entity without a host store of its own goes to the engine whole: the
    /// engine knows whether it syncs inside its parent's records (order lines) or lacks its store.
    /// </summary>
    public async Task<SyncReport> SyncAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (services.GetService<IHostStore<TEntity>>() is null)
        {
            return await engine.SyncAsync(entity, progress, cancellationToken).ConfigureAwait(false);
        }

        var reports = new List<SyncFlowReport>();
        foreach (var target in entity.Mappers.Select(mapper => mapper.Target).Where(target => due.Contains(new SyncFlowId(entity.Name, target))))
        {
            reports.AddRange((await engine.SyncFlowAsync(entity, target, progress, cancellationToken).ConfigureAwait(false)).Flows);
        }

        return new SyncReport(reports);
    }

    public Task<SyncPlan> PlanAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class => engine.PlanAsync(entity, cancellationToken);

    public Task<SyncReport> SyncFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
        where TEntity : class => engine.SyncFlowAsync(entity, target, progress, cancellationToken);

    public Task<IReadOnlyList<SyncLink>> GetLinksAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, CancellationToken cancellationToken)
        where TEntity : class => engine.GetLinksAsync(entity, id, cancellationToken);

    public Task<SyncLink> LinkAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, SyncTarget target, string remoteId, CancellationToken cancellationToken)
        where TEntity : class => engine.LinkAsync(entity, id, target, remoteId, cancellationToken);

    public Task<bool> UnlinkAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, SyncTarget target, CancellationToken cancellationToken)
        where TEntity : class => engine.UnlinkAsync(entity, id, target, cancellationToken);

    public Task<IReadOnlyList<SyncConflict>> GetConflictsAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string? id, CancellationToken cancellationToken)
        where TEntity : class => engine.GetConflictsAsync(entity, id, cancellationToken);

    public Task<IReadOnlyList<SyncQuarantineEntry>> GetQuarantineAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class => engine.GetQuarantineAsync(entity, cancellationToken);

    public Task<int> ReleaseQuarantineAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class => engine.ReleaseQuarantineAsync(entity, cancellationToken);

    public Task<IReadOnlyList<SyncHeldFlow>> GetHeldFlowsAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class => engine.GetHeldFlowsAsync(entity, cancellationToken);

    public Task<bool> ApproveHeldFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, string approvedBy, CancellationToken cancellationToken)
        where TEntity : class => engine.ApproveHeldFlowAsync(entity, target, approvedBy, cancellationToken);
}
