namespace SesamTalk.Dashboard;

/// <summary>The engine calls the dashboard makes for one flow: run a cycle, plan it, approve its hold.</summary>
internal static class FlowOperations
{
    public static Task<SyncReport> RunAsync(DashboardHost host, ISyncEntityDefinition entity, SyncTarget target, CancellationToken cancellationToken) =>
        EntityDispatch.RunAsync(host.Engine, entity, new RunFlow(target), cancellationToken);

    public static async Task<SyncFlowPlan?> PlanAsync(DashboardHost host, ISyncEntityDefinition entity, SyncTarget target, CancellationToken cancellationToken)
    {
        var plan = await EntityDispatch.RunAsync(host.Engine, entity, new PlanEntity(), cancellationToken).ConfigureAwait(false);
        return plan.Flows.FirstOrDefault(flow => flow.Target == target);
    }

    public static Task<bool> ApproveAsync(DashboardHost host, ISyncEntityDefinition entity, SyncTarget target, string approvedBy, CancellationToken cancellationToken) =>
        EntityDispatch.RunAsync(host.Engine, entity, new ApproveHold(target, approvedBy), cancellationToken);

    private sealed class RunFlow(SyncTarget target) : IEntityOperation<SyncReport>
    {
        public Task<SyncReport> RunAsync<TEntity>(ISyncEngine engine, ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
            where TEntity : class => engine.SyncFlowAsync(entity, target, progress: null, cancellationToken);
    }

    private sealed class PlanEntity : IEntityOperation<SyncPlan>
    {
        public Task<SyncPlan> RunAsync<TEntity>(ISyncEngine engine, ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
            where TEntity : class => engine.PlanAsync(entity, cancellationToken);
    }

    private sealed class ApproveHold(SyncTarget target, string approvedBy) : IEntityOperation<bool>
    {
        public Task<bool> RunAsync<TEntity>(ISyncEngine engine, ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
            where TEntity : class => engine.ApproveHeldFlowAsync(entity, target, approvedBy, cancellationToken);
    }
}
