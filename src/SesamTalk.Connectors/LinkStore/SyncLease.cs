namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// A flow's lease as its holder got it. The store raises the flow's epoch on every acquire and take-over (it never goes
/// back, not even after a release), so a commit fenced with an older lease (<see cref="ILinkStoreCommit.RequireLease"/>)
/// is refused once another process took the flow over.
/// </summary>
/// <param name="Flow">The flow.</param>
/// <param name="Owner">Who holds it (unique per process and run).</param>
/// <param name="Epoch">The flow's lease epoch when this holder got it.</param>
public sealed record SyncLease(SyncFlowId Flow, string Owner, long Epoch);
