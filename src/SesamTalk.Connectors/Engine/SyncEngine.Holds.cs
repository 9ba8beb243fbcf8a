namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Flows held by the mass-change breaker, for a person: which are held, with the plan of what releasing each would write,
/// and the approval that lets the next cycle pass the breaker once (see <c>FlowCycle.Hold.cs</c>).
/// </summary>
public sealed partial class SyncEngine
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncHeldFlow>> GetHeldFlowsAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var held = new List<SyncHeldFlow>();
        foreach (var mapper in entity.Mappers)
        {
            if (await _context.Links.GetHeldFlowAsync(Flow(entity, mapper.Target), cancellationToken).ConfigureAwait(false) is { } hold)
            {
                var plan = await PlanFlowAsync(entity, mapper.Target, cancellationToken).ConfigureAwait(false);
                held.Add(new SyncHeldFlow(entity.Name, mapper.Target, hold.Since, hold.CheckedAt, hold.Changes, hold.Links, hold.Limit, hold.Reason, hold.ApprovedBy, hold.ApprovedAt, plan));
            }
        }

        return held;
    }

    /// <inheritdoc />
    public async Task<bool> ApproveHeldFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, string approvedBy, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentException.ThrowIfNullOrWhiteSpace(approvedBy);
        var flow = Flow(entity, target);
        if (await _context.Links.ApproveHeldFlowAsync(flow, approvedBy, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        EngineLog.HoldApproved(_context.Logger, flow.ToString(), approvedBy);
        return true;
    }
}
