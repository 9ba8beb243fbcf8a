namespace SesamTalk.Connectors.Engine;

/// <summary>The mass-change breaker stopped a cycle: it would have deleted or overwritten too many linked records.</summary>
public sealed class SyncMassChangeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="changes">The deletes and overwrites the cycle would have reached.</param>
    /// <param name="links">The flow's links.</param>
    /// <param name="limit">The most the breaker allows.</param>
    public SyncMassChangeException(string flow, int changes, int links, int limit)
        : base($"The mass-change breaker stopped {flow}: the cycle would delete or overwrite {changes} of {links} linked records (the limit is {limit}). "
            + "A cycle stopped here holds the flow, writing nothing, until the source is fixed or a person approves the change once "
            + "(GetHeldFlowsAsync on the entity's client shows what it would write, ApproveHeldFlowAsync lets the next cycle pass); AllowMassChange lets every cycle pass.")
    {
        Changes = changes;
        Links = links;
        Limit = limit;
    }

    /// <summary>The deletes and overwrites the cycle would have reached.</summary>
    public int Changes { get; }

    /// <summary>The flow's links.</summary>
    public int Links { get; }

    /// <summary>The most the breaker allows.</summary>
    public int Limit { get; }
}
