using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Stops a cycle before it deletes or overwrites more than a set share of a flow's linked records: a wrong filter,
/// an emptied table or a bulk edit in one system should not sweep through the other unchecked.
/// </summary>
internal sealed class MassChangeBreaker
{
    private readonly int _limit;
    private readonly int _links;
    private readonly bool _disabled;
    private int _admitted;

    public MassChangeBreaker(int links, SyncFlowOptions options)
    {
        _links = links;
        _limit = Math.Max(options.MassChangeMinimum, (int)Math.Ceiling(options.MassChangeShare * links));
        _disabled = options.AllowMassChange;
    }

    /// <summary>Admits <paramref name="changes"/> more deletes and overwrites, or throws when they would pass the limit.</summary>
    /// <exception cref="SyncMassChangeException">The limit would be passed; nothing of this batch is written.</exception>
    public void Admit(int changes, SyncFlowId flow)
    {
        if (!_disabled && _admitted + changes > _limit)
        {
            throw new SyncMassChangeException(flow.ToString(), _admitted + changes, _links, _limit);
        }

        _admitted += changes;
    }
}
