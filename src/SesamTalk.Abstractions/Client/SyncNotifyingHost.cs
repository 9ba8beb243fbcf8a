namespace SesamTalk;

/// <summary>
/// Registered (as a singleton, one per entity) by a host store that tells the engine of every save by itself, as the EF
/// Core store does: the host side of the entity's flows then counts as notifying, so while their remote side notifies as
/// well they poll only at the safety interval.
/// </summary>
/// <param name="Entity">The entity's name in the model (<see cref="ISyncEntityDefinition.Name"/>).</param>
public sealed record SyncNotifyingHost(string Entity);
