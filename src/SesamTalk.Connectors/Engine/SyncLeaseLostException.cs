namespace SesamTalk.Connectors.Engine;

/// <summary>A flow's lease expired and another process took the flow over; this process stops without committing.</summary>
public sealed class SyncLeaseLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="flow">The flow.</param>
    public SyncLeaseLostException(string flow)
        : base($"The lease on {flow} expired and another process holds it now; this cycle stopped without committing its last unit of work.")
    {
    }
}
