using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Stops a cycle before it deletes or overwrites more than a set share of a flow's linked records: a wrong filter,
/// an emptied table or a bulk edit in one system should not sweep through the other unchecked. In a plan it only
/// counts, so the plan lists the whole change, and <see cref="ThrowIfPassed"/> then says that the cycle would stop. A
/// cycle that trips it holds its flow (<see cref="FlowCycle{TEntity}"/>); the cycle a person approved passes it once.
/// </summary>
internal sealed class MassChangeBreaker
{
    private readonly int _limit;
    private readonly int _links;
    private readonly bool _disabled;
    private readonly bool _planning;
    private int _admitted;

    /// <summary>Sets the limit for a flow with <paramref name="links"/> links.</summary>
    /// <param name="links">The flow's links at the start of the cycle.</param>
    /// <param name="options">The flow's options: the share, the minimum, and whether mass changes are allowed.</param>
    /// <param name="planning">Whether the cycle is a plan, which only counts.</param>
    /// <param name="approved">Whether a person approved the held flow's change: this cycle passes.</param>
    public MassChangeBreaker(int links, SyncFlowOptions options, bool planning, bool approved)
    {
        _links = links;
        _limit = Math.Max(options.MassChangeMinimum, (int)Math.Ceiling(options.MassChangeShare * links));
        _disabled = options.AllowMassChange || approved;
        _planning = planning;
    }

    /// <summary>Admits <paramref name="changes"/> more deletes and overwrites, or, unless planning, throws when they would pass the limit.</summary>
    /// <exception cref="SyncMassChangeException">The limit would be passed; nothing of this batch is written.</exception>
    public void Admit(int changes, SyncFlowId flow)
    {
        if (!_planning && Passes(changes))
        {
            throw Tripped(flow, changes);
        }

        _admitted += changes;
    }

    /// <summary>At the end of a plan: throws, with the plan's whole count, when the cycle would stop at the breaker.</summary>
    /// <exception cref="SyncMassChangeException">The plan's deletes and overwrites pass the limit.</exception>
    public void ThrowIfPassed(SyncFlowId flow)
    {
        if (Passes(0))
        {
            throw Tripped(flow, 0);
        }
    }

    private bool Passes(int changes) => !_disabled && _admitted + changes > _limit;

    private SyncMassChangeException Tripped(SyncFlowId flow, int changes) => new(flow.ToString(), _admitted + changes, _links, _limit);
}
