namespace SesamTalk.Samples.SyncJob.Propagation;

/// <summary>How long one remote edit took to reach its host.</summary>
/// <param name="System">The remote system the edit was made in.</param>
/// <param name="Flow">The flow that carried it, in its direction (<c>Salesforce Product2 to Customwebshop Product</c>).</param>
/// <param name="Notified">Whether the system notifies the host of its changes (a change source of the system runs in the host); otherwise the edit waits for a poll.</param>
/// <param name="Milliseconds">From just before the remote write to the first host read that saw the value; null when it did not arrive in time.</param>
internal sealed record PropagationTime(string System, string Flow, bool Notified, double? Milliseconds)
{
    /// <summary>Whether the edit reached its host in time.</summary>
    public bool Arrived => Milliseconds is not null;
}
